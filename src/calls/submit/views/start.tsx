import { LANGS } from '../../../i18n/langs.ts';
import { textOf } from '../../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame } from '../../../web/components.tsx';
import type { FieldErrors } from '../../../web/forms.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { Call } from '../domain.ts';

/** The closing date and time in the call's own time zone, with the zone named (submitters are worldwide). */
export function closingText(ctx: PageContext, call: Pick<Call, 'closes_at' | 'time_zone'>): string | null {
  if (!call.closes_at) return null;
  const when = new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'long', timeStyle: 'short', timeZone: call.time_zone }).format(call.closes_at);
  return ctx.t('calls_submit.closes', { when, zone: call.time_zone });
}

export function CallHeading({ ctx, call, heading }: { ctx: PageContext; call: Call; heading: string }) {
  const closing = closingText(ctx, call);
  return (
    <>
      <p class="eyebrow"><a href={`/${ctx.lang}/calls/${call.slug}`}>{textOf(call.title, ctx.lang)}</a></p>
      <h1>{heading}</h1>
      {closing && <p class="call-closes">{closing}</p>}
    </>
  );
}

export function StartPage({ ctx, call, values = {}, errors = {} }: { ctx: PageContext; call: Call; values?: Record<string, string>; errors?: FieldErrors }) {
  const { t } = ctx;
  const labels = { email: t('calls_submit.field.email'), source_lang: t('calls_submit.field.source_lang') };
  // The language they will write in: the page's own when the call accepts it.
  const chosen = values.source_lang ?? (call.languages.includes(ctx.lang) ? ctx.lang : call.languages[0]);
  return (
    <div class="call-submit">
      <CallHeading ctx={ctx} call={call} heading={t('calls_submit.start_title')} />
      <p class="lead">{t('calls_submit.start_intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/${ctx.lang}/calls/${call.slug}/submit`} novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="email" type="email" label={labels.email} errors={errors} value={values.email ?? ''} required autocomplete="email" hint={t('calls_submit.email_hint')} />
        <FieldFrame ctx={ctx} name="source_lang" label={labels.source_lang} error={errors.source_lang} required hint={t('calls_submit.source_lang_hint')}>
          <select id="source_lang" name="source_lang" required aria-describedby={errors.source_lang ? 'source_lang-hint source_lang-error' : 'source_lang-hint'}>
            {LANGS.filter((code) => call.languages.includes(code)).map((code) => <option value={code} selected={chosen === code}>{t.langName(code)}</option>)}
          </select>
        </FieldFrame>
        <button type="submit">{t('calls_submit.start_button')}</button>
      </form>
    </div>
  );
}

/** The same answer whether the address is new, known, or past its mail quota. */
export function StartSentPage({ ctx, call }: { ctx: PageContext; call: Call }) {
  return (
    <div class="call-submit">
      <CallHeading ctx={ctx} call={call} heading={ctx.t('calls_submit.sent_heading')} />
      <p role="status">{ctx.t('calls_submit.sent_body')}</p>
    </div>
  );
}
