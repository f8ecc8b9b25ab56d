import { CsrfField, ErrorSummary, Field } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';

export interface SignInState {
  errors?: FieldErrors;
  email?: string;
  next?: string;
  linkErrors?: FieldErrors;
  linkSent?: boolean;
}

export function SignInPage({ ctx, state }: { ctx: PageContext; state: SignInState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const linkErrors = state.linkErrors ?? {};
  return (
    <>
      <h1>{t('sign_in.title')}</h1>
      <div class="columns">
        <section aria-labelledby="password-title">
          <h2 id="password-title">{t('sign_in.with_password')}</h2>
          <ErrorSummary ctx={ctx} errors={errors} labels={{ email: t('field.email'), password: t('field.password') }} />
          <form method="post" action={`/${lang}/sign-in`} novalidate>
            <CsrfField ctx={ctx} />
            {state.next && <input type="hidden" name="next" value={state.next} />}
            <Field ctx={ctx} name="email" type="email" label={t('field.email')} errors={errors} value={state.email} autocomplete="email" required />
            <Field ctx={ctx} name="password" type="password" label={t('field.password')} errors={errors} autocomplete="current-password" required />
            <button type="submit">{t('sign_in.submit')}</button>
          </form>
        </section>
        <section aria-labelledby="link-title">
          <h2 id="link-title">{t('sign_in.with_link')}</h2>
          <p>{t('sign_in.link_help')}</p>
          {state.linkSent ? (
            <p class="success" role="status">
              {t('sign_in.link_sent')}
            </p>
          ) : (
            <form method="post" action={`/${lang}/sign-in/link`} novalidate>
              <CsrfField ctx={ctx} />
              <Field ctx={ctx} name="link-email" type="email" label={t('field.email')} errors={renameEmail(linkErrors)} autocomplete="email" required />
              <button type="submit">{t('sign_in.send_link')}</button>
            </form>
          )}
        </section>
      </div>
    </>
  );
}

// The link form's e-mail field has its own id, so the two forms' fields never share one.
function renameEmail(errors: FieldErrors): FieldErrors {
  return errors.email ? { 'link-email': errors.email } : {};
}

export function ConfirmLinkPage({ ctx, token }: { ctx: PageContext; token: string }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('sign_in.title')}</h1>
      <p>{t('sign_in.confirm_link')}</p>
      <form method="post" action={`/${lang}/sign-in/link/${encodeURIComponent(token)}`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('sign_in.continue')}</button>
      </form>
    </>
  );
}
