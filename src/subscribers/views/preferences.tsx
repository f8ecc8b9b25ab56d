import { CsrfField, ErrorSummary } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import { ChoiceFields } from './subscribe.tsx';

export interface PreferencesRow {
  email: string;
  lang: string;
  topics: string[];
  status: string;
}

export function PreferencesPage({ ctx, token, subscriber, errors = {}, values, saved }: {
  ctx: PageContext;
  /** The link's token, from the address (only its hash is stored). */
  token: string;
  subscriber: PreferencesRow;
  errors?: FieldErrors;
  values?: { lang: string; topics: string[] };
  saved?: boolean;
}) {
  const { t, lang } = ctx;
  if (subscriber.status === 'unsubscribed') return <UnsubscribedPage ctx={ctx} email={subscriber.email} already />;
  const labels = { lang: t('subscribers.field.lang'), topics: t('subscribers.field.topics') };
  return (
    <>
      <h1>{t('subscribers.preferences_title')}</h1>
      <p>{t('subscribers.preferences_for', { email: subscriber.email })}</p>
      {subscriber.status !== 'active' && <p class="content-notice">{t(`subscribers.status_note.${subscriber.status}`)}</p>}
      {saved && (
        <p class="success" role="status">
          {t('subscribers.preferences_saved')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/${lang}/newsletter/preferences/${encodeURIComponent(token)}`} novalidate>
        <CsrfField ctx={ctx} />
        <ChoiceFields ctx={ctx} errors={errors} lang={values?.lang ?? subscriber.lang} topics={values?.topics ?? subscriber.topics} />
        <button type="submit">{t('subscribers.preferences_submit')}</button>
      </form>
      <h2>{t('subscribers.unsubscribe_title')}</h2>
      <p>{t('subscribers.unsubscribe_text')}</p>
      <UnsubscribeForm ctx={ctx} token={token} />
    </>
  );
}

/**
 * The form mail clients imitate (RFC 8058): a POST of `List-Unsubscribe=One-Click` to the link. It
 * carries no CSRF token because the route cannot ask one of a mail client; the secret link is the proof.
 */
export function UnsubscribeForm({ ctx, token }: { ctx: PageContext; token: string }) {
  return (
    <form method="post" action={`/${ctx.lang}/newsletter/unsubscribe/${encodeURIComponent(token)}`}>
      <input type="hidden" name="List-Unsubscribe" value="One-Click" />
      <button type="submit">{ctx.t('subscribers.unsubscribe_submit')}</button>
    </form>
  );
}

export function UnsubscribeConfirmPage({ ctx, token, email }: { ctx: PageContext; token: string; email: string }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('subscribers.unsubscribe_title')}</h1>
      <p>{t('subscribers.unsubscribe_question', { email })}</p>
      <UnsubscribeForm ctx={ctx} token={token} />
    </>
  );
}

export function UnsubscribedPage({ ctx, email, already }: { ctx: PageContext; email: string; already: boolean }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('subscribers.unsubscribed_title')}</h1>
      <p role="status">{t(already ? 'subscribers.unsubscribed_already' : 'subscribers.unsubscribed_text', { email })}</p>
      <p>
        <a href={`/${lang}/newsletter/subscribe`}>{t('subscribers.subscribe_again')}</a>
      </p>
    </>
  );
}
