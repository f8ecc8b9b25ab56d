import type { SubmissionPresenter } from '../../../db/types.ts';
import { textOf } from '../../../i18n/translatable.ts';
import { COUNTRY_CODES, countryName } from '../../../places/countries.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, formatSize } from '../../../web/components.tsx';
import type { FieldErrors } from '../../../web/forms.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { Call } from '../domain.ts';
import { LIMITS } from '../forms.ts';
import { AUTOSAVE_SCRIPT_URL } from '../autosave-asset.ts';
import { CallHeading } from './start.tsx';

/** The form's values as strings, whether they come from the stored row or from a refused post. */
export interface DraftValues {
  source_lang: string;
  organisation_name: string;
  city: string;
  country: string;
  title: string;
  summary: string;
  themes: string[];
  links: string;
  presenters: SubmissionPresenter[];
  answers: Record<string, string>;
}

export interface DraftState {
  call: Call;
  action: string;
  version: number;
  state: 'draft' | 'submitted' | 'withdrawn';
  editable: boolean;
  values: DraftValues;
  files: { id: number; file_name: string; size: number }[];
  errors?: FieldErrors;
  notice?: 'saved' | 'submitted' | 'withdrawn' | 'city_not_found';
  /** A save from an older form was refused: the typed values are shown, the stored version kept. */
  stale?: boolean;
}

export const FIELD_LABELS: Record<string, string> = {
  source_lang: 'calls_submit.field.source_lang', organisation_name: 'calls_submit.field.organisation_name', city: 'calls_submit.field.city',
  country: 'calls_submit.field.country', title: 'calls_submit.field.title', summary: 'calls_submit.field.summary', presenters: 'calls_submit.field.presenters',
  themes: 'calls_submit.field.themes', links: 'calls_submit.field.links', attachments: 'calls_submit.field.attachments',
};

export function DraftPage({ ctx, state }: { ctx: PageContext; state: DraftState }) {
  const { t } = ctx;
  const labels: Record<string, string> = Object.fromEntries(Object.entries(FIELD_LABELS).map(([name, key]) => [name, t(key)]));
  for (const question of state.call.questions) labels[`q_${question.id}`] = textOf(question.label, ctx.lang);
  return (
    <div class="call-submit">
      <CallHeading ctx={ctx} call={state.call} heading={t(state.state === 'draft' ? 'calls_submit.draft_title' : 'calls_submit.sent_title')} />
      {state.notice && <p class={state.notice === 'city_not_found' ? 'content-notice' : 'success'} role="status">{t(`calls_submit.notice.${state.notice}`)}</p>}
      {state.stale && <p class="error-summary" role="alert">{t('calls_submit.error.stale')} <a href={state.action}>{t('calls_submit.stale_link')}</a></p>}
      {state.editable ? <EditForm ctx={ctx} state={state} labels={labels} /> : <ReadOnly ctx={ctx} state={state} labels={labels} />}
    </div>
  );
}

function EditForm({ ctx, state, labels }: { ctx: PageContext; state: DraftState; labels: Record<string, string> }) {
  const { t, lang } = ctx;
  const { call, values } = state;
  const errors = state.errors ?? {};
  const countries = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang));
  const maxMb = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(call.attachment_max_bytes / 1_000_000);
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <p class="hint">{t(state.state === 'draft' ? 'calls_submit.draft_intro' : 'calls_submit.edit_intro')}</p>
      <form method="post" action={state.action} enctype="multipart/form-data" novalidate class="call-submit-form" data-autosave={`${state.action}/autosave`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(state.version)} />
        {/* The default button (Enter in a field) only saves: the first submit button in the form wins, and the presenters' come before the real ones. */}
        <button type="submit" name="intent" value="save" hidden tabindex={-1} />
        <p class="autosave-status" role="status" aria-live="polite" data-saved={t('calls_submit.autosave.saved')} data-failed={t('calls_submit.autosave.failed')} />
        <fieldset>
          <legend>{t('calls_submit.section.initiative')}</legend>
          <FieldFrame ctx={ctx} name="source_lang" label={labels.source_lang!} error={errors.source_lang} required hint={t('calls_submit.source_lang_hint')}>
            <select id="source_lang" name="source_lang" required aria-describedby="source_lang-hint">
              {call.languages.map((code) => <option value={code} selected={values.source_lang === code}>{t.langName(code as never)}</option>)}
            </select>
          </FieldFrame>
          <Field ctx={ctx} name="title" label={labels.title!} errors={errors} value={values.title} required />
          <FieldFrame ctx={ctx} name="summary" label={labels.summary!} error={errors.summary} required hint={t('calls_submit.summary_hint', { max: LIMITS.summary })}>
            <textarea id="summary" name="summary" rows={8} maxLength={LIMITS.summary} required aria-describedby={errors.summary ? 'summary-hint summary-error' : 'summary-hint'}
              aria-invalid={errors.summary ? 'true' : undefined} lang={values.source_lang || undefined}>{values.summary}</textarea>
          </FieldFrame>
          {call.themes.length > 0 && (
            <fieldset id="themes" class={errors.themes ? 'field has-error' : 'field'}>
              <legend>{labels.themes}<span aria-hidden="true"> *</span></legend>
              {errors.themes && <p class="field-error" id="themes-error">{t(errors.themes)}</p>}
              {call.themes.map((slug) => (
                <label class="checkbox"><input type="checkbox" name="themes" value={slug} checked={values.themes.includes(slug)} /> {textOf(call.themeNames[slug], lang) || slug}</label>
              ))}
            </fieldset>
          )}
          <FieldFrame ctx={ctx} name="links" label={labels.links!} error={errors.links} hint={t('calls_submit.links_hint', { max: LIMITS.links })}>
            <textarea id="links" name="links" rows={3} aria-describedby={errors.links ? 'links-hint links-error' : 'links-hint'} aria-invalid={errors.links ? 'true' : undefined}>{values.links}</textarea>
          </FieldFrame>
        </fieldset>
        <fieldset>
          <legend>{t('calls_submit.section.organisation')}</legend>
          <Field ctx={ctx} name="organisation_name" label={labels.organisation_name!} errors={errors} value={values.organisation_name} required autocomplete="organization" />
          <Field ctx={ctx} name="city" label={labels.city!} errors={errors} value={values.city} required />
          <FieldFrame ctx={ctx} name="country" label={labels.country!} error={errors.country} required>
            <select id="country" name="country" required aria-invalid={errors.country ? 'true' : undefined} aria-describedby={errors.country ? 'country-error' : undefined}>
              <option value="">{t('calls_submit.choose')}</option>
              {countries.map((c) => <option value={c.code} selected={values.country === c.code}>{c.name}</option>)}
            </select>
          </FieldFrame>
        </fieldset>
        <Presenters ctx={ctx} presenters={values.presenters} error={errors.presenters} />
        {call.questions.length > 0 && <Questions ctx={ctx} state={state} errors={errors} />}
        <fieldset id="attachments-set">
          <legend>{labels.attachments}</legend>
          {state.files.length > 0 && (
            <ul class="submission-files">
              {state.files.map((file) => (
                <li>{`${file.file_name} (${formatSize(ctx, file.size)})`}{' '}
                  <button type="submit" name="intent" value={`file_remove_${file.id}`} class="secondary" aria-label={t('calls_submit.file_remove_named', { name: file.file_name })}>{t('calls_submit.file_remove')}</button>
                </li>
              ))}
            </ul>
          )}
          {state.files.length < call.max_attachments && (
            <FieldFrame ctx={ctx} name="attachments" label={t('calls_submit.attachments_add')} error={errors.attachments}
              hint={t('calls_submit.attachments_hint', { count: call.max_attachments, size: maxMb, types: call.attachment_types.map(typeName).join(', ') })}>
              <input type="file" id="attachments" name="attachments" multiple aria-describedby={errors.attachments ? 'attachments-hint attachments-error' : 'attachments-hint'} aria-invalid={errors.attachments ? 'true' : undefined} />
            </FieldFrame>
          )}
        </fieldset>
        {/* Submitting first: it is the button Enter in a field presses. */}
        <div class="form-actions">
          <button type="submit" name="intent" value="submit">{t(state.state === 'draft' ? 'calls_submit.submit' : 'calls_submit.save_changes')}</button>{' '}
          {state.state === 'draft' && <button type="submit" name="intent" value="save" class="secondary">{t('calls_submit.save')}</button>}
        </div>
      </form>
      <form method="post" action={state.action} class="withdraw-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(state.version)} />
        <p class="hint" id="withdraw-hint">{t('calls_submit.withdraw_hint')}</p>
        <button type="submit" name="intent" value="withdraw" class="secondary danger" aria-describedby="withdraw-hint">{t('calls_submit.withdraw')}</button>
      </form>
      <script src={AUTOSAVE_SCRIPT_URL} defer />
    </>
  );
}

const typeName = (mime: string) => ({ 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'text/plain': 'TXT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX', 'application/vnd.oasis.opendocument.text': 'ODT' })[mime] ?? mime;

/** Ordered presenters; moving and removing are submit buttons, so the list is edited without script. */
function Presenters({ ctx, presenters, error }: { ctx: PageContext; presenters: SubmissionPresenter[]; error?: string }) {
  const { t } = ctx;
  const rows = [...presenters, { name: '', organisation: '', role: '' }];
  return (
    <fieldset id="presenters" class={error ? 'field has-error' : 'field'} aria-describedby="presenters-hint">
      <legend>{t('calls_submit.field.presenters')}<span aria-hidden="true"> *</span></legend>
      <p class="hint" id="presenters-hint">{t('calls_submit.presenters_hint')}</p>
      {error && <p class="field-error" id="presenters-error">{t(error)}</p>}
      <ol class="presenters">
        {rows.map((row, index) => {
          const saved = index < presenters.length;
          const n = String(index + 1);
          return (
            <li>
              <fieldset>
                <legend>{saved ? t('calls_submit.presenter_n', { n }) : t('calls_submit.presenter_new')}</legend>
                <label for={`presenter_name_${index}`}>{t('calls_submit.presenter.name')}</label>
                <input id={`presenter_name_${index}`} name="presenter_name" value={row.name} autocomplete={index === 0 ? 'name' : 'off'} />
                <label for={`presenter_organisation_${index}`}>{t('calls_submit.presenter.organisation')}</label>
                <input id={`presenter_organisation_${index}`} name="presenter_organisation" value={row.organisation ?? ''} />
                <label for={`presenter_role_${index}`}>{t('calls_submit.presenter.role')}</label>
                <input id={`presenter_role_${index}`} name="presenter_role" value={row.role ?? ''} />
                {saved && (
                  <div class="presenter-actions">
                    {index > 0 && <button type="submit" name="intent" value={`presenter_up_${index}`} class="secondary" aria-label={t('calls_submit.presenter_up_n', { n })}>{t('calls_submit.presenter_up')}</button>}{' '}
                    {index < presenters.length - 1 && <button type="submit" name="intent" value={`presenter_down_${index}`} class="secondary" aria-label={t('calls_submit.presenter_down_n', { n })}>{t('calls_submit.presenter_down')}</button>}{' '}
                    <button type="submit" name="intent" value={`presenter_remove_${index}`} class="secondary" aria-label={t('calls_submit.presenter_remove_n', { n })}>{t('calls_submit.presenter_remove')}</button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="submit" name="intent" value="presenter_add" class="secondary">{t('calls_submit.presenter_add')}</button>
    </fieldset>
  );
}

function Questions({ ctx, state, errors }: { ctx: PageContext; state: DraftState; errors: FieldErrors }) {
  const { t, lang } = ctx;
  return (
    <fieldset>
      <legend>{t('calls_submit.section.questions')}</legend>
      {state.call.questions.map((question) => {
        const name = `q_${question.id}`;
        const value = state.values.answers[String(question.id)] ?? '';
        const label = textOf(question.label, lang);
        const hint = question.kind === 'text' && question.max_length ? t('calls_submit.answer_max', { max: question.max_length })
          : question.kind === 'number' ? t('calls_submit.answer_between', { min: question.min_value === null ? '—' : t.number(Number(question.min_value)), max: question.max_value === null ? '—' : t.number(Number(question.max_value)) })
          : undefined;
        const described = [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
        const invalid = errors[name] ? 'true' : undefined;
        return (
          <FieldFrame ctx={ctx} name={name} label={label} error={errors[name]} required={question.required} hint={hint}>
            {question.kind === 'choice' ? (
              <select id={name} name={name} required={question.required} aria-describedby={described} aria-invalid={invalid}>
                <option value="">{t('calls_submit.choose')}</option>
                {question.choices.map((choice) => <option value={choice.value} selected={value === choice.value}>{textOf(choice.label, lang) || choice.value}</option>)}
              </select>
            ) : question.kind === 'number' ? (
              <input id={name} name={name} inputMode="decimal" value={value} required={question.required} aria-describedby={described} aria-invalid={invalid} />
            ) : (
              <textarea id={name} name={name} rows={4} required={question.required} aria-describedby={described} aria-invalid={invalid}>{value}</textarea>
            )}
          </FieldFrame>
        );
      })}
    </fieldset>
  );
}

/** What was sent, once it can no longer change (the call closed, or the submission was withdrawn). */
function ReadOnly({ ctx, state, labels }: { ctx: PageContext; state: DraftState; labels: Record<string, string> }) {
  const { t, lang } = ctx;
  const { values, call } = state;
  const rows: [string, string][] = [
    [labels.title!, values.title],
    [labels.organisation_name!, values.organisation_name],
    [labels.city!, [values.city, values.country ? countryName(values.country, lang) : ''].filter(Boolean).join(', ')],
    [labels.presenters!, values.presenters.map((p) => [p.name, p.role, p.organisation].filter(Boolean).join(', ')).join(' · ')],
    [labels.themes!, values.themes.map((slug) => textOf(call.themeNames[slug], lang) || slug).join(', ')],
    [labels.links!, values.links],
    ...call.questions.map((q): [string, string] => [textOf(q.label, lang), values.answers[String(q.id)] ?? '']),
    [labels.attachments!, state.files.map((file) => file.file_name).join(', ')],
  ];
  return (
    <>
      <p class="content-notice" role="note">{t(state.state === 'withdrawn' ? 'calls_submit.read_only_withdrawn' : 'calls_submit.read_only_closed')}</p>
      <dl class="submission-summary">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd lang={values.source_lang || undefined}>{value || '—'}</dd>
          </>
        ))}
        <dt>{labels.summary}</dt>
        <dd lang={values.source_lang || undefined}>{values.summary || '—'}</dd>
      </dl>
    </>
  );
}
