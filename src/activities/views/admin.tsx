import { sourceLang, textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, ScrollingTable, TranslationsForm, type TranslationWords } from '../../web/components.tsx';
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
  date_precision: 'day' | 'month' | 'year';
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

export function ActivityFormPage({ ctx, slug, state, series = [] }: { ctx: PageContext; slug: string | null; state: EditState; series?: { slug: string; title: Translatable }[] }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const v = state.values;
  const labels: Record<string, string> = {
    slug: t('activities.admin.slug'), type: t('activities.filter.type'), title: t('activities.admin.title'), summary: t('activities.admin.summary'),
    start: t('activities.admin.start'), end: t('activities.admin.end'), precision: t('activities.admin.precision'), format: t('activities.format'),
    city: t('activities.admin.city'), country: t('activities.admin.country'), venue: t('activities.admin.venue'), participants: t('activities.participants'),
    capacity: t('activities.admin.capacity'), registration_closes: t('activities.admin.closes'),
    series: t('activities.admin.series'), edition: t('activities.edition'),
  };
  const action = slug ? `/${lang}/admin/activities/${slug}/edit` : `/${lang}/admin/activities/new`;
  const checked = (name: string) => v[name] === true || v[name] === 'on';
  const select = (name: string, options: readonly string[], label: (value: string) => string) => (
    <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]}>
      <select id={name} name={name} aria-describedby={errors[name] ? `${name}-error` : undefined}>
        {options.map((option) => (
          <option value={option} selected={str(v[name]) === option}>
            {label(option)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
  return (
    <>
      <h1>{slug ? t('activities.admin.edit') : t('activities.admin.new')}</h1>
      {slug && (
        <ul class="act-admin-links">
          <li>
            <a href={`/${lang}/admin/activities/${slug}/texts`}>{t('activities.admin.texts')}</a>
          </li>
          <li>
            <a href={`/${lang}/admin/activities/${slug}/organisations`}>{t('activities.admin.organisations')}</a>
          </li>
          <li>
            <a href={`/${lang}/admin/activities/${slug}/photo`}>{t('activities.admin.photo')}</a>
          </li>
        </ul>
      )}
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
        <FieldFrame ctx={ctx} name="summary" label={labels.summary!} error={errors.summary} required>
          <textarea id="summary" name="summary" rows={4} aria-invalid={errors.summary ? 'true' : undefined} aria-describedby={errors.summary ? 'summary-error' : undefined}>
            {str(v.summary)}
          </textarea>
        </FieldFrame>
        {select('precision', ['day', 'month', 'year'], (value) => t(`activities.admin.precision.${value}`))}
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
        {select('series', ['', ...series.map((entry) => entry.slug)], (value) => (value ? textOf(series.find((entry) => entry.slug === value)?.title, lang) : t('activities.admin.no_series')))}
        <Field ctx={ctx} name="edition" label={labels.edition!} errors={errors} value={str(v.edition)} hint={t('activities.admin.edition_hint')} />
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
      <p><a href={`/${lang}/admin/activities/${slug}/outreach`}>{t('outreach.link')}</a></p>
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

const TEXT_WORDS: TranslationWords = {
  statusLabel: 'activities.admin.status',
  statusNow: 'activities.admin.status_now',
  statuses: {
    original: 'activities.admin.status.original', human: 'activities.admin.status.human', machine: 'activities.admin.status.machine',
    outdated: 'activities.admin.status.outdated', missing: 'activities.admin.status.missing',
  },
  keepOutdated: 'activities.admin.status.keep_outdated',
  save: 'activities.admin.save',
};

interface TextsRow {
  slug: string;
  title: Translatable;
  summary: Translatable;
  body: Translatable;
}

/** Title, summary and body in every language, each language with its translation status. */
export function TextsPage({ ctx, activity, state }: { ctx: PageContext; activity: TextsRow; state: EditState }) {
  const { t, lang } = ctx;
  const source = sourceLang(activity.title) ?? 'en';
  const fields = [
    { name: 'title', label: 'activities.admin.title', required: true },
    { name: 'summary', label: 'activities.admin.summary', rows: 3, required: true },
    { name: 'body', label: 'activities.admin.body', rows: 6 },
  ];
  return (
    <>
      <h1>{t('activities.admin.texts_of', { title: textOf(activity.title, lang) })}</h1>
      <p>
        <a href={`/${lang}/admin/activities/${activity.slug}/edit`}>{t('activities.admin.back_to_edit')}</a>
      </p>
      {state.saved && (
        <p class="success" role="status">
          {t('activities.admin.texts_saved')}
        </p>
      )}
      <p class="hint">{t('activities.admin.texts_hint', { lang: t.langName(source) })}</p>
      <TranslationsForm ctx={ctx} action={`/${lang}/admin/activities/${activity.slug}/texts`} source={source}
        texts={[activity.title, activity.summary, activity.body]} fields={fields} words={TEXT_WORDS} errors={state.errors ?? {}} values={state.values} />
    </>
  );
}

interface OrganisationRow {
  organisation_id: number;
  role: 'organiser' | 'partner' | string;
  name: Translatable;
  city: string | null;
  country: string | null;
}

/** Organisers and partners: each removable, and a form to add one by name, city and country. */
export function OrganisationsPage({ ctx, slug, title, rows, state }: { ctx: PageContext; slug: string; title: Translatable; rows: OrganisationRow[]; state: EditState }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const v = state.values;
  const base = `/${lang}/admin/activities/${slug}/organisations`;
  const labels: Record<string, string> = {
    name: t('activities.admin.org_name'), city: t('activities.admin.city'), country: t('activities.admin.org_country'), role: t('activities.admin.org_role'),
  };
  return (
    <>
      <h1>{t('activities.admin.organisations_of', { title: textOf(title, lang) })}</h1>
      <p>
        <a href={`/${lang}/admin/activities/${slug}/edit`}>{t('activities.admin.back_to_edit')}</a>
      </p>
      {state.saved && (
        <p class="success" role="status">
          {t('activities.admin.organisations_saved')}
        </p>
      )}
      <ScrollingTable captionId="act-orgs-caption">
        <caption id="act-orgs-caption">{t('activities.organisers_partners')}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.name}</th>
            <th scope="col">{labels.role}</th>
            <th scope="col">{t('activities.where')}</th>
            <th scope="col">{t('activities.admin.org_remove')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{textOf(row.name, lang)}</th>
              <td>{t(row.role === 'organiser' ? 'activities.admin.role.organiser' : 'activities.admin.role.partner')}</td>
              <td>{[row.city, row.country].filter(Boolean).join(', ')}</td>
              <td>
                <form method="post" action={`${base}/remove`}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="organisation" value={String(row.organisation_id)} />
                  <input type="hidden" name="role" value={row.role} />
                  <button type="submit" aria-label={t('activities.admin.org_remove_label', { name: textOf(row.name, lang) })}>
                    {t('activities.admin.org_remove')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <h2 id="act-org-add">{t('activities.admin.org_add')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={base} novalidate aria-labelledby="act-org-add">
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="name" label={labels.name!} errors={errors} value={str(v.name)} required />
        <Field ctx={ctx} name="city" label={labels.city!} errors={errors} value={str(v.city)} />
        <Field ctx={ctx} name="country" label={labels.country!} errors={errors} value={str(v.country)} hint={t('activities.admin.org_country_hint')} />
        <FieldFrame ctx={ctx} name="role" label={labels.role!} error={errors.role}>
          <select id="role" name="role" aria-describedby={errors.role ? 'role-error' : undefined}>
            {(['partner', 'organiser'] as const).map((role) => (
              <option value={role} selected={str(v.role) === role}>
                {t(`activities.admin.role.${role}`)}
              </option>
            ))}
          </select>
        </FieldFrame>
        <button type="submit">{t('activities.admin.org_add')}</button>
      </form>
    </>
  );
}
