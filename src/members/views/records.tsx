import { LANGS } from '../../i18n/langs.ts';
import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { COUNTRY_CODES, countryName } from '../../places/countries.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, ScrollingTable } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { MEMBER_CATEGORIES, MEMBER_KINDS } from '../domain.ts';
import type { MemberImportReport } from '../import.ts';
import { IMPORT_COLUMNS } from '../import.ts';
import { Choice, type FormState as BaseState } from './admin.tsx';

type FormState = BaseState & { saved?: boolean };

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function TextArea({ ctx, name, label, state, hint, rows = 4 }: { ctx: PageContext; name: string; label: string; state: FormState; hint?: string; rows?: number }) {
  const error = state.errors?.[name];
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <FieldFrame ctx={ctx} name={name} label={label} error={error} hint={hint}>
      <textarea id={name} name={name} rows={rows} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy || undefined}>
        {str(state.values?.[name])}
      </textarea>
    </FieldFrame>
  );
}

function Text({ ctx, name, label, state, required, hint, type }: { ctx: PageContext; name: string; label: string; state: FormState; required?: boolean; hint?: string; type?: 'email' | 'tel' | 'url' }) {
  return <Field ctx={ctx} name={name} label={label} errors={state.errors} value={str(state.values?.[name])} required={required} hint={hint} type={type} />;
}

/** Kind, category, place, website and coordinates: the fields both the new-member and the record forms have. */
function PlaceAndKind({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t, lang } = ctx;
  const countries = [...COUNTRY_CODES].map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <>
      <Choice ctx={ctx} name="kind" label={t('members.kind')} state={state} options={MEMBER_KINDS.map((kind) => ({ value: kind, label: t(`members.kind.${kind}`) }))} />
      <Choice ctx={ctx} name="category" label={t('members.category')} state={state} options={MEMBER_CATEGORIES.map((category) => ({ value: category, label: t(`members.category.${category}`) }))} />
      <Text ctx={ctx} name="city" label={t('join.city')} state={state} />
      <Choice ctx={ctx} name="country" label={t('join.country')} state={state} options={countries} required={false} />
      <Text ctx={ctx} name="website" type="url" label={t('join.website')} state={state} />
      <Text ctx={ctx} name="latitude" label={t('records.latitude')} hint={t('records.coordinates_hint')} state={state} />
      <Text ctx={ctx} name="longitude" label={t('records.longitude')} state={state} />
    </>
  );
}

const placeLabels = (ctx: PageContext) => ({
  kind: ctx.t('members.kind'), category: ctx.t('members.category'), city: ctx.t('join.city'), country: ctx.t('join.country'),
  website: ctx.t('join.website'), latitude: ctx.t('records.latitude'), longitude: ctx.t('records.longitude'),
});

export function NewMemberPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t, lang } = ctx;
  const values = state.values ?? { name_lang: lang };
  const form = { ...state, values };
  return (
    <>
      <h1>{t('records.new_title')}</h1>
      <p>{t('records.new_intro')}</p>
      <form method="post" action={`/${lang}/admin/members/new`} novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={state.errors ?? {}} labels={{ name: t('join.organisation'), name_lang: t('membership.written_in'), joined_on: t('records.joined_on'), history: t('records.history'), ...placeLabels(ctx) }} />
        <Text ctx={ctx} name="name" label={t('join.organisation')} state={form} required />
        <Choice ctx={ctx} name="name_lang" label={t('membership.written_in')} state={form} options={LANGS.map((code) => ({ value: code, label: t.langName(code) }))} />
        <PlaceAndKind ctx={ctx} state={form} />
        <Text ctx={ctx} name="joined_on" label={t('records.joined_on')} hint={t('membership.date_hint')} state={form} required />
        <TextArea ctx={ctx} name="history" label={t('records.history')} hint={t('records.history_hint')} state={form} />
        <button type="submit">{t('records.add')}</button>
      </form>
    </>
  );
}

export interface RecordView {
  slug: string;
  name: Translatable;
  description: Translatable | null;
}

export function RecordPage({ ctx, member, state }: { ctx: PageContext; member: RecordView; state: FormState }) {
  const { t, lang } = ctx;
  const labels: Record<string, string> = { ...placeLabels(ctx), focal_email: t('join.email'), general_email: t('join.general_email') };
  for (const l of LANGS) {
    labels[`name_${l}`] = `${t('join.organisation')} (${t.langName(l)})`;
    labels[`description_${l}`] = `${t('membership.description')} (${t.langName(l)})`;
  }
  return (
    <>
      <h1>{t('records.edit_title', { name: textOf(member.name, lang) })}</h1>
      <p>
        <a href={`/${lang}/admin/members/${member.slug}`}>{t('admin.member_title')}</a>
      </p>
      {state.saved && <p role="status">{t('records.saved')}</p>}
      <form method="post" action={`/${lang}/admin/members/${member.slug}/record`} novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={state.errors ?? {}} labels={labels} />
        {LANGS.map((l) => (
          <fieldset class="lang-texts" lang={l}>
            <legend lang={lang}>{t.langName(l)}</legend>
            <div lang={lang}>
              <Text ctx={ctx} name={`name_${l}`} label={labels[`name_${l}`]!} state={state} />
              <TextArea ctx={ctx} name={`description_${l}`} label={labels[`description_${l}`]!} state={state} />
            </div>
          </fieldset>
        ))}
        <PlaceAndKind ctx={ctx} state={state} />
        <fieldset>
          <legend>{t('records.contacts')}</legend>
          <Text ctx={ctx} name="focal_name" label={t('join.focal_name')} state={state} />
          <Text ctx={ctx} name="focal_email" type="email" label={t('join.email')} state={state} />
          <Text ctx={ctx} name="focal_phone" type="tel" label={t('join.focal_phone')} state={state} />
          <Text ctx={ctx} name="head_name" label={t('join.head_name')} state={state} />
          <Text ctx={ctx} name="head_title" label={t('join.head_title')} state={state} />
          <Text ctx={ctx} name="general_email" type="email" label={t('join.general_email')} state={state} />
        </fieldset>
        <button type="submit">{t('records.save')}</button>
      </form>
    </>
  );
}

export interface OrganisationOption {
  slug: string;
  name: Translatable;
  city: string | null;
  country: string | null;
  member_slug: string | null;
}

export function MergePage({ ctx, organisations, state }: { ctx: PageContext; organisations: OrganisationOption[]; state: FormState }) {
  const { t, lang } = ctx;
  const options = organisations.map((o) => ({
    value: o.slug,
    label: [textOf(o.name, lang), o.city, o.country ? countryName(o.country, lang) : null, o.member_slug ? t('records.is_member') : null].filter(Boolean).join(' · '),
  }));
  return (
    <>
      <h1>{t('records.merge_title')}</h1>
      <p>{t('records.merge_intro')}</p>
      {state.saved && <p role="status">{t('records.merged')}</p>}
      <form method="post" action={`/${lang}/admin/organisations/merge`} novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={state.errors ?? {}} labels={{ kept: t('records.kept'), duplicate: t('records.duplicate') }} />
        <Choice ctx={ctx} name="kept" label={t('records.kept')} state={state} options={options} />
        <Choice ctx={ctx} name="duplicate" label={t('records.duplicate')} state={state} options={options} />
        <button type="submit">{t('records.merge')}</button>
      </form>
    </>
  );
}

export function ImportPage({ ctx, state, report }: { ctx: PageContext; state: FormState; report?: MemberImportReport & { dryRun: boolean } }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const fieldName = (field: string) => (field.startsWith('_') ? '' : field);
  return (
    <>
      <h1>{t('records.import_title')}</h1>
      <p>{t('records.import_intro', { columns: IMPORT_COLUMNS.join(', ') })}</p>
      {report && (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t(report.imported ? 'records.import_done' : report.dryRun ? 'records.import_dry_run' : 'records.import_refused')}</h2>
          <p role="status">{t('records.import_counts', { accepted: report.accepted.length, rejected: new Set(report.rejected.map((r) => r.line)).size })}</p>
          {report.rejected.length > 0 && (
            <ScrollingTable captionId="rejected-caption">
              <caption id="rejected-caption">{t('records.import_rejected')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('records.import_line')}</th>
                  <th scope="col">{t('records.import_column')}</th>
                  <th scope="col">{t('records.import_reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((rejection) => (
                  <tr class="rejected-row">
                    <td>{rejection.line}</td>
                    <td>{fieldName(rejection.field)}</td>
                    <td>{t(rejection.key, { detail: rejection.detail ?? '' })}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollingTable>
          )}
        </section>
      )}
      <form method="post" action={`/${lang}/admin/members/import`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} labels={{ file: t('records.import_file'), intent: t('records.import_intent') }} />
        <div class={errors.file ? 'field has-error' : 'field'}>
          <label for="file">{t('records.import_file')}</label>
          {errors.file && (
            <p class="field-error" id="file-error">
              {t(errors.file)}
            </p>
          )}
          <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby={errors.file ? 'file-error' : undefined} />
        </div>
        <button type="submit" name="intent" value="dry_run">{t('records.import_check')}</button>{' '}
        <button type="submit" name="intent" value="import">{t('records.import_run')}</button>
      </form>
    </>
  );
}
