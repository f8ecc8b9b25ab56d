import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';

/** After the form: nothing is held yet, the visitor is sent to their mailbox. */
export function CheckMailboxPage({ ctx, activity }: { ctx: PageContext; activity: { slug: string; title: Translatable } }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('regconfirm.check_title')}</h1>
      <p role="status">{t('regconfirm.check_text', { title: textOf(activity.title, lang) })}</p>
      <p>{t('regconfirm.check_no_seat')}</p>
      <p>
        <a href={`/${lang}/activities/${activity.slug}`}>{t('registration.back')}</a>
      </p>
    </>
  );
}

/**
 * What the mailed link opens: a button, since mail scanners fetch links and a GET must change
 * nothing. A registration already confirmed shows its status instead.
 */
export function ConfirmPage({ ctx, token, registration, whenText }: {
  ctx: PageContext;
  token: string;
  registration: { status: string; title: Translatable };
  whenText: string;
}) {
  const { t, lang } = ctx;
  const title = textOf(registration.title, lang);
  if (registration.status !== 'pending') {
    const waiting = registration.status === 'waiting';
    return (
      <>
        <h1>{t(waiting ? 'registration.done_waiting' : 'registration.done_confirmed')}</h1>
        <p role="status">{t(waiting ? 'regconfirm.already_waiting' : 'regconfirm.already_confirmed', { title })}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t('regconfirm.title')}</h1>
      <p>{t('regconfirm.question', { title })}</p>
      <p>{whenText}</p>
      <form method="post" action={`/${lang}/registrations/${token}/confirm`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('regconfirm.submit')}</button>
      </form>
    </>
  );
}
