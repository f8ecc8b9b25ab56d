import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';

export interface RegisterState {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  error?: string;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function RegisterPage({ ctx, activity, whenText, seatsLeft, state }: {
  ctx: PageContext;
  activity: { slug: string; title: Translatable };
  whenText: string;
  seatsLeft: number | null;
  state: RegisterState;
}) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const labels = { name: t('registration.name'), email: t('registration.email'), organisation: t('registration.organisation') };
  return (
    <>
      <h1>{t('registration.title', { title: textOf(activity.title, lang) })}</h1>
      <p>{whenText}</p>
      {seatsLeft !== null && <p>{seatsLeft > 0 ? t.plural('registration.seats_left', seatsLeft) : t('registration.full_waiting')}</p>}
      {state.error && (
        <div class="error-summary" role="alert">
          <p>{t(state.error)}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/${lang}/activities/${activity.slug}/register`} novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="name" label={labels.name} errors={errors} value={str(state.values?.name)} autocomplete="name" required />
        <Field ctx={ctx} name="email" type="email" label={labels.email} errors={errors} value={str(state.values?.email)} autocomplete="email" required />
        <Field ctx={ctx} name="organisation" label={labels.organisation} errors={errors} value={str(state.values?.organisation)} autocomplete="organization" />
        <button type="submit">{t('registration.submit')}</button>
      </form>
      <p>
        <a href={`/${lang}/activities/${activity.slug}`}>{t('registration.back')}</a>
      </p>
    </>
  );
}

export function RegisteredPage({ ctx, activity, status }: { ctx: PageContext; activity: { slug: string; title: Translatable }; status: 'confirmed' | 'waiting' }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t(status === 'confirmed' ? 'registration.done_confirmed' : 'registration.done_waiting')}</h1>
      <p role="status">{t(status === 'confirmed' ? 'registration.done_confirmed_text' : 'registration.done_waiting_text', { title: textOf(activity.title, lang) })}</p>
      <p>
        <a href={`/${lang}/activities/${activity.slug}/calendar.ics`}>{t('activities.add_to_calendar')}</a>
      </p>
    </>
  );
}

export function CancelPage({ ctx, token, registration, done, joinLink = null }: {
  ctx: PageContext;
  token: string;
  registration: { status: string; title: Translatable };
  done: boolean;
  /** An online event's link: on this page only, reached through the registrant's own link. */
  joinLink?: string | null;
}) {
  const { t, lang } = ctx;
  const title = textOf(registration.title, lang);
  if (done || registration.status === 'cancelled') {
    return (
      <>
        <h1>{t('registration.cancelled_title')}</h1>
        <p role="status">{t('registration.cancelled_text', { title })}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t('registration.cancel_title')}</h1>
      {joinLink ? <p class="content-notice">{t('outreach.your_link')} <a href={joinLink} rel="noopener noreferrer">{joinLink}</a></p> : null}
      <p>{t('registration.cancel_question', { title })}</p>
      <form method="post" action={`/${lang}/registrations/${token}/cancel`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('registration.cancel_submit')}</button>
      </form>
    </>
  );
}
