import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, ScrollingTable } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import { datesInWords } from '../dates.ts';
import { ACTIVITY_TYPES, FORMATS } from '../domain.ts';

interface AdminRow {
  slug: string;
  title: Translatable;
  type: string;
  start_date: string;
  end_date: string;
  date_precision: 'day' | 'month';
  tentative: boolean;
  registration_open: boolean;
}

export function AdminActivitiesPage({ ctx, rows }: { ctx: PageContext; rows: AdminRow[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('admin.activities')}</h1>
      <p>
        <a href={`/${lang}/admin/activities/new`}>{t('activities.admin.new')}</a>
      </p>
      <ScrollingTable captionId="act-admin-caption">
        <caption id="act-admin-caption">{t.plural('activities.count', rows.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.admin.title')}</th>
            <th scope="col">{t('activities.when')}</th>
            <th scope="col">{t('activities.filter.type')}</th>
            <th scope="col">{t('registration.list')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`/${lang}/admin/activities/${row.slug}/edit`}>{textOf(row.title, lang)}</a>
              </th>
              <td>{datesInWords(t, row)}</td>
              <td>{t(`activities.type.${row.type}`)}</td>
              <td>{row.registration_open ? <a href={`/${lang}/admin/activities/${row.slug}/registrations`}>{t('registration.list')}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}

export interface EditState {
  errors?: FieldErrors;
  values: Record<string, unknown>;
  saved?: boolean;
}

const str = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));

export function ActivityFormPage({ ctx, slug, state }: { ctx: PageContext; slug: string | null; state: EditState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const v = state.values;
  const labels: Record<string, string> = {
    slug: t('activities.admin.slug'), type: t('activities.filter.type'), title: t('activities.admin.title'), summary: t('activities.admin.summary'),
    start: t('activities.admin.start'), end: t('activities.admin.end'), precision: t('activities.admin.precision'), format: t('activities.format'),
    city: t('activities.admin.city'), country: t('activities.admin.country'), venue: t('activities.admin.venue'), participants: t('activities.participants'),
    capacity: t('activities.admin.capacity'), registration_closes: t('activities.admin.closes'),
  };
  const action = slug ? `/${lang}/admin/activities/${slug}/edit` : `/${lang}/admin/activities/new`;
  const checked = (name: string) => v[name] === true || v[name] === 'on';
  const select = (name: string, options: readonly string[], label: (value: string) => string) => (
    <div class={errors[name] ? 'field has-error' : 'field'}>
      <label for={name}>{labels[name]}</label>
      {errors[name] && (
        <p class="field-error" id={`${name}-error`}>
          {t(errors[name])}
        </p>
      )}
      <select id={name} name={name} aria-describedby={errors[name] ? `${name}-error` : undefined}>
        {options.map((option) => (
          <option value={option} selected={str(v[name]) === option}>
            {label(option)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{slug ? t('activities.admin.edit') : t('activities.admin.new')}</h1>
      {state.saved && (
        <p class="success" role="status">
          {t('activities.admin.saved')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {!slug && <Field ctx={ctx} name="slug" label={labels.slug!} errors={errors} value={str(v.slug)} hint={t('activities.admin.slug_hint')} />}
        {select('type', ACTIVITY_TYPES, (value) => t(`activities.type.${value}`))}
        <Field ctx={ctx} name="title" label={labels.title!} errors={errors} value={str(v.title)} required hint={t('activities.admin.lang_hint', { lang: t.langName(lang) })} />
        <div class={errors.summary ? 'field has-error' : 'field'}>
          <label for="summary">{labels.summary} *</label>
          {errors.summary && (
            <p class="field-error" id="summary-error">
              {t(errors.summary)}
            </p>
          )}
          <textarea id="summary" name="summary" rows={4} aria-describedby={errors.summary ? 'summary-error' : undefined}>
            {str(v.summary)}
          </textarea>
        </div>
        {select('precision', ['day', 'month'], (value) => t(`activities.admin.precision.${value}`))}
        <Field ctx={ctx} name="start" label={labels.start!} errors={errors} value={str(v.start)} required hint={t('activities.admin.date_hint')} />
        <Field ctx={ctx} name="end" label={labels.end!} errors={errors} value={str(v.end)} hint={t('activities.admin.date_hint')} />
        <label class="check">
          <input type="checkbox" name="tentative" checked={checked('tentative')} /> {t('activities.admin.tentative')}
        </label>
        {select('format', FORMATS, (value) => t(`activities.format.${value}`))}
        <Field ctx={ctx} name="city" label={labels.city!} errors={errors} value={str(v.city)} />
        <Field ctx={ctx} name="country" label={labels.country!} errors={errors} value={str(v.country)} hint={t('activities.admin.country_hint')} />
        <Field ctx={ctx} name="venue" label={labels.venue!} errors={errors} value={str(v.venue)} />
        <Field ctx={ctx} name="participants" label={labels.participants!} errors={errors} value={str(v.participants)} />
        <fieldset>
          <legend>{t('registration.settings')}</legend>
          <label class="check">
            <input type="checkbox" name="registration_open" checked={checked('registration_open')} /> {t('activities.admin.registration_open')}
          </label>
          <Field ctx={ctx} name="capacity" label={labels.capacity!} errors={errors} value={str(v.capacity)} />
          <label class="check">
            <input type="checkbox" name="waiting_list" checked={checked('waiting_list')} /> {t('activities.admin.waiting_list')}
          </label>
          <Field ctx={ctx} name="registration_closes" label={labels.registration_closes!} errors={errors} value={str(v.registration_closes)} hint={t('activities.admin.closes_hint')} />
        </fieldset>
        <button type="submit">{t('activities.admin.save')}</button>
      </form>
    </>
  );
}

interface RegistrationRow {
  id: number;
  name: string;
  email: string;
  organisation: string | null;
  status: string;
  attended: boolean | null;
  created_at: Date;
}

export function RegistrationsPage({ ctx, slug, title, rows, saved }: { ctx: PageContext; slug: string; title: Translatable; rows: RegistrationRow[]; saved: boolean }) {
  const { t, lang } = ctx;
  const base = `/${lang}/admin/activities/${slug}/registrations`;
  return (
    <>
      <h1>{t('registration.list_of', { title: textOf(title, lang) })}</h1>
      {saved && (
        <p class="success" role="status">
          {t('registration.attendance_saved')}
        </p>
      )}
      <p>
        <a href={`${base}.csv`}>{t('registration.export')}</a>
      </p>
      <form method="post" action={base}>
        <CsrfField ctx={ctx} />
        <ScrollingTable captionId="reg-caption">
          <caption id="reg-caption">{t.plural('registration.count', rows.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registration.name')}</th>
              <th scope="col">{t('registration.email')}</th>
              <th scope="col">{t('registration.organisation')}</th>
              <th scope="col">{t('registration.status')}</th>
              <th scope="col">{t('registration.attended')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{row.name}</th>
                <td>{row.email}</td>
                <td>{row.organisation ?? ''}</td>
                <td>{t(`registration.status.${row.status}`)}</td>
                <td>
                  {row.status === 'confirmed' && (
                    <input type="checkbox" name="present" value={String(row.id)} checked={row.attended === true} aria-label={t('registration.attended_label', { name: row.name })} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
        <button type="submit">{t('registration.save_attendance')}</button>
      </form>
    </>
  );
}
