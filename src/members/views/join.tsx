import { COUNTRY_CODES, countryName } from '../../places/countries.ts';
import { CsrfField, ErrorSummary, Field } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import { APPLICANT_CATEGORIES, APPLICANT_KINDS, MAX_DOCUMENTS } from '../forms.ts';

export interface JoinState {
  errors?: FieldErrors;
  values?: Record<string, string>;
  /** The action of the form: /{lang}/join for a new application, /{lang}/join/{token} for one being resumed. */
  action: string;
  notice?: 'saved' | 'submitted' | 'locked';
  cityNotFound?: boolean;
  documents?: { file_name: string; size: number }[];
  editable?: boolean;
}

const LABEL_KEYS: Record<string, string> = {
  organisation_name: 'join.organisation', email: 'join.email', kind: 'join.kind', category: 'join.category', country: 'join.country',
  city: 'join.city', website: 'join.website', focal_name: 'join.focal_name', focal_phone: 'join.focal_phone', head_name: 'join.head_name',
  head_title: 'join.head_title', general_email: 'join.general_email', signatory_name: 'join.signatory_name', signatory_title: 'join.signatory_title',
  sse_situation: 'join.sse_situation', documents: 'join.documents',
};

export function JoinPage({ ctx, state }: { ctx: PageContext; state: JoinState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  const labels = Object.fromEntries(Object.entries(LABEL_KEYS).map(([field, key]) => [field, t(key)]));
  const countries = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang));
  const select = (name: string, options: { value: string; label: string }[], required = true) => (
    <div class={errors[name] ? 'field has-error' : 'field'}>
      <label for={name}>
        {labels[name]}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {errors[name] && (
        <p class="field-error" id={`${name}-error`}>
          {t(errors[name])}
        </p>
      )}
      <select id={name} name={name} required={required} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined}>
        <option value="">{t('join.choose')}</option>
        {options.map((option) => (
          <option value={option.value} selected={values[name] === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const field = (name: string, extra: { type?: 'email' | 'url' | 'tel'; required?: boolean; autocomplete?: string; hint?: string } = {}) => (
    <Field ctx={ctx} name={name} label={labels[name]!} errors={errors} value={values[name] ?? ''} {...extra} />
  );
  return (
    <div class="join">
      <h1>{t('join.title')}</h1>
      <p class="lead">{t('join.intro')}</p>
      {state.notice && (
        <p class="success" role="status">
          {t(`join.notice.${state.notice}`)}
        </p>
      )}
      {state.cityNotFound && (
        <p class="content-notice" role="note" id="city-not-found">
          {t('join.city_not_found', { city: values.city ?? '' })}
        </p>
      )}
      {state.documents && state.documents.length > 0 && (
        <>
          <h2>{t('join.documents_received')}</h2>
          <ul>
            {state.documents.map((document) => (
              <li>{`${document.file_name} (${t.number(Math.ceil(document.size / 1024))} KB)`}</li>
            ))}
          </ul>
        </>
      )}
      {state.editable !== false && (
        <>
          <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
          <form method="post" action={state.action} enctype="multipart/form-data" novalidate class="join-form">
            <CsrfField ctx={ctx} />
            <fieldset>
              <legend>{t('join.section.organisation')}</legend>
              {field('organisation_name', { required: true, autocomplete: 'organization' })}
              {select('kind', APPLICANT_KINDS.map((value) => ({ value, label: t(`members.kind.${value}`) })))}
              {select('category', APPLICANT_CATEGORIES.map((value) => ({ value, label: t(`members.category.${value}`) })))}
              {select('country', countries.map((c) => ({ value: c.code, label: c.name })))}
              {field('city', { required: true, hint: t('join.city_hint') })}
              {field('website', { type: 'url', hint: t('join.website_hint') })}
            </fieldset>
            <fieldset>
              <legend>{t('join.section.contacts')}</legend>
              {field('focal_name', { required: true, autocomplete: 'name' })}
              {field('email', { type: 'email', required: true, autocomplete: 'email', hint: t('join.email_hint') })}
              {field('focal_phone', { type: 'tel', autocomplete: 'tel' })}
              {field('head_name')}
              {field('head_title')}
              {field('general_email', { type: 'email' })}
            </fieldset>
            <fieldset>
              <legend>{t('join.section.commitment')}</legend>
              {field('signatory_name', { required: true })}
              {field('signatory_title', { required: true })}
              <div class={errors.sse_situation ? 'field has-error' : 'field'}>
                <label for="sse_situation">
                  {labels.sse_situation}
                  <span aria-hidden="true"> *</span>
                </label>
                <p class="hint" id="sse_situation-hint">{t('join.sse_situation_hint')}</p>
                {errors.sse_situation && (
                  <p class="field-error" id="sse_situation-error">
                    {t(errors.sse_situation)}
                  </p>
                )}
                <textarea id="sse_situation" name="sse_situation" rows={8} required aria-invalid={errors.sse_situation ? 'true' : undefined}
                  aria-describedby={errors.sse_situation ? 'sse_situation-hint sse_situation-error' : 'sse_situation-hint'}>{values.sse_situation ?? ''}</textarea>
              </div>
              <div class={errors.documents ? 'field has-error' : 'field'}>
                <label for="documents">{labels.documents}</label>
                <p class="hint" id="documents-hint">{t('join.documents_hint', { count: MAX_DOCUMENTS })}</p>
                {errors.documents && (
                  <p class="field-error" id="documents-error">
                    {t(errors.documents)}
                  </p>
                )}
                <input type="file" id="documents" name="documents" multiple accept=".pdf,.docx,.odt"
                  aria-invalid={errors.documents ? 'true' : undefined}
                  aria-describedby={errors.documents ? 'documents-hint documents-error' : 'documents-hint'} />
              </div>
            </fieldset>
            {/* Submitting comes first: it is the form's default button, the one Enter in a field presses. */}
            <div class="join-actions">
              <button type="submit" name="intent" value="submit">{t('join.submit')}</button>{' '}
              <button type="submit" name="intent" value="save" class="secondary">{t('join.save')}</button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
