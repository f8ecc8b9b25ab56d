import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfField } from '../web/components.tsx';
import type { PageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { isDelivery, noticeSettings, saveNoticeSettings } from './domain.ts';
import { DELIVERIES, type Delivery, type NoticeEvent } from './events.ts';

/** A staff member's own choice of what reaches them by mail: /{lang}/account/notices. */

interface State { saved?: boolean; error?: string; status?: number }

async function settingsPage(request: FastifyRequest, reply: FastifyReply, state: State = {}) {
  const settings = await noticeSettings(request.server.ctx.db, request.user!);
  return sendPage(request, reply, {
    title: request.t('notices.title'),
    status: state.status,
    body: (ctx) => <NoticeSettingsPage ctx={ctx} settings={settings} state={state} />,
  });
}

async function saveSettings(request: FastifyRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const settings = await noticeSettings(request.server.ctx.db, request.user!);
  const choices: Partial<Record<NoticeEvent, Delivery>> = {};
  for (const { event } of settings) {
    const value = body[event];
    if (value === undefined) continue;
    if (!isDelivery(value)) return settingsPage(request, reply, { error: 'notices.invalid', status: 400 });
    choices[event] = value;
  }
  await saveNoticeSettings(request.server.ctx.db, request.user!, choices);
  return settingsPage(request, reply, { saved: true });
}

function NoticeSettingsPage({ ctx, settings, state }: { ctx: PageContext; settings: { event: NoticeEvent; delivery: Delivery }[]; state: State }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('notices.title')}</h1>
      <p>{t('notices.intro')}</p>
      {state.saved ? <p class="content-notice" role="status">{t('notices.saved')}</p> : null}
      {state.error ? <p class="content-notice" role="alert">{t(state.error)}</p> : null}
      {settings.length ? (
        <form method="post" action={`/${lang}/account/notices`}>
          <CsrfField ctx={ctx} />
          {settings.map(({ event, delivery }) => (
            <fieldset>
              <legend>{t(`notices.event.${event}`)}</legend>
              {DELIVERIES.map((choice) => (
                <label class="check">
                  <input type="radio" name={event} value={choice} checked={choice === delivery} />{' '}
                  {t(`notices.delivery.${choice}`)}
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit">{t('notices.save')}</button>
        </form>
      ) : <p>{t('notices.none')}</p>}
    </>
  );
}

export const noticeRoutes = [
  route('GET', '/:lang/account/notices', 'admin.access', (request, reply) => settingsPage(request, reply)),
  route('POST', '/:lang/account/notices', 'admin.access', saveSettings),
];
