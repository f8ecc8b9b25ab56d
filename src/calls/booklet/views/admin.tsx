import { LANGS } from '../../../i18n/langs.ts';
import { sourceLang, type Translatable } from '../../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, FieldFrame } from '../../../web/components.tsx';
import type { FieldErrors } from '../../../web/forms.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { BookletValues } from '../forms.ts';

export interface BookletFormState { errors?: FieldErrors; values?: BookletValues; saved?: boolean }

/** The secretariat's part of a booklet: front matter per language and the partners. */
export function BookletAdminPage({ ctx, eventSlug, eventName, stored, state }: {
  ctx: PageContext;
  eventSlug: string;
  eventName: string;
  stored: { front_matter: Translatable | null; partners: string[] } | null;
  state: BookletFormState;
}) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const source = (typeof state.values?.source === 'string' ? state.values.source : null) ?? (stored?.front_matter ? sourceLang(stored.front_matter) : null) ?? lang;
  const value = (name: string, fallback: string) => (state.values && typeof state.values[name] === 'string' ? (state.values[name] as string) : fallback);
  const labels: Record<string, string> = { partners: t('booklet.admin_partners'), source: t('booklet.admin_source') };
  for (const l of LANGS) labels[`front_matter_${l}`] = t('booklet.admin_front_matter', { lang: t.langName(l) });
  return (
    <div class="booklet-admin">
      <h1>{t('booklet.admin_title', { event: eventName })}</h1>
      <p>{t('booklet.admin_intro')}</p>
      <p><a href={`/${lang}/initiatives/programme/${eventSlug}/booklet`}>{t('booklet.admin_view')}</a></p>
      {state.saved && <p role="status" class="notice">{t('booklet.admin_saved')}</p>}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`/${lang}/admin/booklets/${eventSlug}`} novalidate>
        <CsrfField ctx={ctx} />
        <FieldFrame ctx={ctx} name="source" label={labels.source!} error={errors.source}>
          <select id="source" name="source">
            {LANGS.map((l) => <option value={l} selected={l === source}>{t.langName(l)}</option>)}
          </select>
        </FieldFrame>
        {LANGS.map((l) => {
          const name = `front_matter_${l}`;
          return (
            <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]}>
              <textarea id={name} name={name} rows={8} lang={l} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined}>
                {value(name, stored?.front_matter?.[l]?.text ?? '')}
              </textarea>
            </FieldFrame>
          );
        })}
        <FieldFrame ctx={ctx} name="partners" label={labels.partners!} error={errors.partners}>
          <textarea id="partners" name="partners" rows={10} aria-invalid={errors.partners ? 'true' : undefined} aria-describedby={errors.partners ? 'partners-error' : undefined}>
            {value('partners', (stored?.partners ?? []).join('\n'))}
          </textarea>
        </FieldFrame>
        <button type="submit">{t('booklet.admin_save')}</button>
      </form>
    </div>
  );
}
