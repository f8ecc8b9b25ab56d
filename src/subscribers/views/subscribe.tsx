import { LANGS, LANG_NAMES } from '../../i18n/langs.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import { DEFAULT_TOPICS, TOPICS } from '../topics.ts';

export interface FormState {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

/** The language select and topic checkboxes shared by the subscription and preferences forms. */
export function ChoiceFields({ ctx, errors, lang, topics }: { ctx: PageContext; errors: FieldErrors; lang: string; topics: readonly string[] }) {
  const { t } = ctx;
  return (
    <>
      <FieldFrame ctx={ctx} name="lang" label={t('subscribers.field.lang')} error={errors.lang} required hint={t('subscribers.field.lang_hint')}>
        <select id="lang" name="lang" aria-describedby={errors.lang ? 'lang-hint lang-error' : 'lang-hint'}>
          {LANGS.map((option) => (
            <option value={option} lang={option} selected={option === lang}>
              {LANG_NAMES[option]}
            </option>
          ))}
        </select>
      </FieldFrame>
      <fieldset class={errors.topics ? 'field has-error' : 'field'} aria-describedby={errors.topics ? 'topics-error' : undefined}>
        <legend>{t('subscribers.field.topics')}</legend>
        {errors.topics && (
          <p class="field-error" id="topics-error">
            {t(errors.topics)}
          </p>
        )}
        {TOPICS.map((topic, index) => (
          <label class="check">
            <input type="checkbox" id={index === 0 ? 'topics' : `topics-${topic}`} name="topics" value={topic} checked={topics.includes(topic)} />{' '}
            {t(`subscribers.topic.${topic}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

export function SubscribePage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const v = state.values ?? {};
  const labels = { email: t('subscribers.field.email'), lang: t('subscribers.field.lang'), topics: t('subscribers.field.topics'), consent: t('subscribers.field.consent') };
  const submitted = state.errors !== undefined;
  return (
    <>
      <h1>{t('subscribers.subscribe_title')}</h1>
      <p class="lead">{t('subscribers.subscribe_intro')}</p>
      <p>
        <a href={`/${lang}/newsletter`}>{t('newsletter.past_issues_link')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/${lang}/newsletter/subscribe`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="method" value={str(v.method) === 'footer' ? 'footer' : 'form'} />
        <Field ctx={ctx} name="email" type="email" label={labels.email} errors={errors} value={str(v.email)} autocomplete="email" required />
        <ChoiceFields ctx={ctx} errors={errors} lang={str(v.lang) || lang} topics={submitted ? list(v.topics) : DEFAULT_TOPICS} />
        <div class={errors.consent ? 'field has-error' : 'field'}>
          <p id="consent-text">{t('subscribers.consent_text')}</p>
          {errors.consent && (
            <p class="field-error" id="consent-error">
              {t(errors.consent)}
            </p>
          )}
          <label class="check">
            <input
              type="checkbox"
              id="consent"
              name="consent"
              value="yes"
              checked={str(v.consent) === 'yes'}
              required
              aria-invalid={errors.consent ? 'true' : undefined}
              aria-describedby={errors.consent ? 'consent-text consent-error' : 'consent-text'}
            />{' '}
            {labels.consent}
          </label>
        </div>
        <button type="submit">{t('subscribers.subscribe_submit')}</button>
      </form>
    </>
  );
}

/** After a request: look in the mailbox; a resend button for a mail that did not come. */
export function CheckMailboxPage({ ctx, email, notice, error }: { ctx: PageContext; email: string; notice?: 'resent'; error?: string }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('subscribers.check_title')}</h1>
      {error && (
        <div class="error-summary" role="alert">
          <p>{t(error)}</p>
        </div>
      )}
      {notice === 'resent' && (
        <p class="success" role="status">
          {t('subscribers.resent')}
        </p>
      )}
      <p role={notice || error ? undefined : 'status'}>{t('subscribers.check_text', { email })}</p>
      <p>{t('subscribers.check_spam')}</p>
      <form method="post" action={`/${lang}/newsletter/subscribe/resend`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="email" value={email} />
        <button type="submit">{t('subscribers.resend_submit')}</button>
      </form>
    </>
  );
}

export function ConfirmPage({ ctx, token, email, done }: { ctx: PageContext; token: string; email: string; done: false | { preferences: string } }) {
  const { t, lang } = ctx;
  if (done) {
    return (
      <>
        <h1>{t('subscribers.confirmed_title')}</h1>
        <p role="status">{t('subscribers.confirmed_text', { email })}</p>
        <p>
          <a href={done.preferences}>{t('subscribers.preferences_link')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('subscribers.confirm_title')}</h1>
      <p>{t('subscribers.confirm_question', { email })}</p>
      <form method="post" action={`/${lang}/newsletter/confirm/${token}`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('subscribers.confirm_submit')}</button>
      </form>
    </>
  );
}
