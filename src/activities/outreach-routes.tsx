import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textOf, type Translatable } from '../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame } from '../web/components.tsx';
import { fields, parseInput, type FieldErrors } from '../web/forms.ts';
import { notFound } from '../web/http-error.ts';
import type { PageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { AUDIENCES, audienceCounts, joinLinkOf, mailingsOf, mailRegistrants, saveJoinLink, type Audience } from './outreach.ts';
import { activityDetail } from './domain.ts';

/** /{lang}/admin/activities/{slug}/outreach: an online event's join link, and mails to its registrants. */

type SlugRequest = FastifyRequest<{ Params: { slug: string }; Body: Record<string, unknown> }>;
interface State { errors?: FieldErrors; values?: Record<string, unknown>; notice?: string; status?: number }

const joinLinkForm = z.object({
  url: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''),
    z.union([z.literal(''), z.string().max(500, { error: 'validation.too_long' }).regex(/^https:\/\/[^\s\p{Cc}]+$/u, { error: 'validation.https_only' })])),
});
const mailingForm = z.object({
  audience: z.enum(AUDIENCES, { error: 'validation.choose' }),
  subject: fields.text(200).refine((value) => !/[\p{Cc}]/u.test(value), { error: 'validation.one_line' }),
  body: fields.text(10_000),
  with_join_link: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
});

async function activityOr404(request: SlugRequest) {
  const detail = await activityDetail(request.server.ctx.db, request.params.slug);
  if (!detail) throw notFound();
  return detail.activity;
}

async function outreachPage(request: SlugRequest, reply: FastifyReply, state: State = {}) {
  const activity = await activityOr404(request);
  const { db } = request.server.ctx;
  const [joinLink, counts, mailings] = await Promise.all([joinLinkOf(db, activity.id), audienceCounts(db, activity.id), mailingsOf(db, activity.id)]);
  return sendPage(request, reply, {
    title: request.t('outreach.title', { title: textOf(activity.title, request.lang) }),
    status: state.status,
    body: (ctx) => <OutreachPage ctx={ctx} activity={activity} joinLink={joinLink} counts={counts} mailings={mailings} state={state} />,
  });
}

async function postJoinLink(request: SlugRequest, reply: FastifyReply) {
  const activity = await activityOr404(request);
  const parsed = parseInput(joinLinkForm, request.body);
  if (!parsed.ok) return outreachPage(request, reply, { errors: parsed.fields, values: request.body, status: 400 });
  await saveJoinLink(request.server.ctx.db, activity.id, parsed.data.url, request.user!.id);
  return outreachPage(request, reply, { notice: request.t(parsed.data.url ? 'outreach.link_saved' : 'outreach.link_removed') });
}

async function postMailing(request: SlugRequest, reply: FastifyReply) {
  const activity = await activityOr404(request);
  const parsed = parseInput(mailingForm, request.body);
  if (!parsed.ok) return outreachPage(request, reply, { errors: parsed.fields, values: request.body, status: 400 });
  const sent = await mailRegistrants(request.server.ctx, activity, parsed.data, request.user!.id);
  return outreachPage(request, reply, { notice: request.t.plural('outreach.sent', sent) });
}

function OutreachPage({ ctx, activity, joinLink, counts, mailings, state }: {
  ctx: PageContext; activity: { slug: string; title: Translatable; format: string }; joinLink: string | null;
  counts: Record<Audience, number>; mailings: Awaited<ReturnType<typeof mailingsOf>>; state: State;
}) {
  const { t, lang } = ctx;
  const base = `/${lang}/admin/activities/${activity.slug}`;
  const errors = state.errors ?? {};
  const value = (name: string, fallback = '') => String(state.values?.[name] ?? fallback);
  return (
    <>
      <h1>{t('outreach.title', { title: textOf(activity.title, lang) })}</h1>
      <p><a href={`${base}/registrations`}>{t('registration.list')}</a></p>
      {state.notice ? <p class="content-notice" role="status">{state.notice}</p> : null}
      <ErrorSummary ctx={ctx} errors={errors} labels={{ url: t('outreach.url'), subject: t('outreach.subject'), body: t('outreach.body'), audience: t('outreach.audience') }} />
      <form method="post" action={`${base}/outreach/join-link`} novalidate aria-labelledby="join-link-title">
        <h2 id="join-link-title">{t('outreach.join_link')}</h2>
        <p class="hint">{t(activity.format === 'in-person' ? 'outreach.join_link_in_person' : 'outreach.join_link_hint')}</p>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="url" type="url" label={t('outreach.url')} errors={errors} value={value('url', joinLink ?? '')} hint={t('outreach.url_hint')} />
        <button type="submit">{t('outreach.save_link')}</button>
      </form>
      <form method="post" action={`${base}/outreach/mailings`} novalidate aria-labelledby="mailing-title">
        <h2 id="mailing-title">{t('outreach.write')}</h2>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{t('outreach.audience')}</legend>
          {AUDIENCES.map((audience) => (
            <label class="check">
              <input type="radio" name="audience" value={audience} checked={value('audience', 'confirmed') === audience} />{' '}
              {t.plural(`outreach.audience.${audience}`, counts[audience])}
            </label>
          ))}
        </fieldset>
        <Field ctx={ctx} name="subject" label={t('outreach.subject')} errors={errors} value={value('subject')} required />
        <FieldFrame ctx={ctx} name="body" label={t('outreach.body')} error={errors.body} required>
          <textarea id="body" name="body" rows={8} required aria-invalid={errors.body ? 'true' : undefined} aria-describedby={errors.body ? 'body-error' : undefined}>{value('body')}</textarea>
        </FieldFrame>
        {joinLink ? (
          <label class="check"><input type="checkbox" name="with_join_link" checked={value('with_join_link', 'on') === 'on'} /> {t('outreach.with_link')}</label>
        ) : null}
        <button type="submit">{t('outreach.send')}</button>
      </form>
      <h2>{t('outreach.sent_before')}</h2>
      {mailings.length ? (
        <ul>{mailings.map((one) => <li>{`${t.date(one.created_at.toISOString().slice(0, 10), 'medium')} · ${one.subject} · ${t.plural('outreach.recipients', one.recipients)}`}</li>)}</ul>
      ) : <p>{t('outreach.none')}</p>}
    </>
  );
}

export const outreachRoutes = [
  route('GET', '/:lang/admin/activities/:slug/outreach', 'activities.manage', (request, reply) => outreachPage(request as SlugRequest, reply)),
  route('POST', '/:lang/admin/activities/:slug/outreach/join-link', 'activities.manage', postJoinLink),
  route('POST', '/:lang/admin/activities/:slug/outreach/mailings', 'activities.manage', postMailing),
];
