import { LANGS, type Lang } from '../../i18n/langs.ts';
import { sourceLang, textOf } from '../../i18n/translatable.ts';
import { countryName } from '../../places/countries.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { adminInitiatives, EditableInitiative, workshopChoices } from '../editor.ts';
import { KINDS, PRESENTER_FIELDS, presenterRows, type Values } from '../editor-form.ts';
import { THEMES } from '../themes.ts';

export interface FormState {
  errors?: FieldErrors;
  values?: Values;
  /** Rows were added or removed: the page says the form is not saved yet. */
  unsaved?: boolean;
}

const str = (value: unknown) => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : []);

export function AdminInitiativesPage({ ctx, rows }: { ctx: PageContext; rows: Awaited<ReturnType<typeof adminInitiatives>> }) {
  const { t, lang } = ctx;
  const events = [...new Set(rows.map((row) => row.event_slug))];
  return (
    <>
      <h1>{t('initiatives.admin.title')}</h1>
      <p><a href={`/${lang}/admin/initiatives/new`}>{t('initiatives.admin.new')}</a></p>
      {events.map((event) => (
        <section aria-labelledby={`event-${event}`}>
          <h2 id={`event-${event}`}>{event}</h2>
          <ul class="initiative-admin-list">
            {rows.filter((row) => row.event_slug === event).map((row) => (
              <li><span class="meta">{row.code}</span> <a href={`/${lang}/admin/initiatives/${row.slug}`}>{textOf(row.title, lang)}</a></li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Form values of a stored initiative, as the form posts them. */
export function valuesOf(editing: EditableInitiative): Values {
  const values: Values = {
    event: editing.event_slug,
    code: editing.code,
    kind: editing.kind,
    original_lang: sourceLang(editing.title) ?? 'fr',
    organisation: editing.organisation_name ? textOf(editing.organisation_name, sourceLang(editing.title) ?? 'fr') : '',
    city: editing.city ?? '',
    subregion: editing.subregion ?? '',
    country: editing.country?.trim() ?? '',
    latitude: editing.latitude === null ? '' : String(editing.latitude),
    longitude: editing.longitude === null ? '' : String(editing.longitude),
    workshop: editing.workshop_id === null ? '' : String(editing.workshop_id),
    themes: editing.themes,
    links: editing.links.join('\n'),
  };
  for (const l of LANGS) {
    values[`title_${l}`] = editing.title[l]?.text ?? '';
    values[`summary_${l}`] = editing.summary?.[l]?.text ?? '';
  }
  editing.presenters.forEach((presenter, row) => {
    for (const field of PRESENTER_FIELDS) values[`presenter_${field}_${row}`] = presenter[field] ?? '';
  });
  return values;
}

export function InitiativeFormPage({ ctx, editing, state, workshops }: {
  ctx: PageContext;
  editing: EditableInitiative | null;
  state: FormState;
  workshops: Awaited<ReturnType<typeof workshopChoices>>;
}) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const v = state.values ?? (editing ? valuesOf(editing) : { kind: 'initiative', original_lang: lang });
  const source = (editing ? sourceLang(editing.title) : null) ?? ((LANGS as readonly string[]).includes(str(v.original_lang)) ? (str(v.original_lang) as Lang) : lang);
  const order: Lang[] = [source, ...LANGS.filter((other) => other !== source)];
  const blank = (row: number) => PRESENTER_FIELDS.every((field) => !str(v[`presenter_${field}_${row}`]).trim());
  // A posted blank row is kept only when a row was asked for; otherwise the one added below stands for it.
  const rows = presenterRows(v).filter((row) => state.unsaved || !blank(row));
  // Always one blank row to fill in; "add a row" posts the form back with one more.
  const shown = [...rows, (rows.at(-1) ?? -1) + 1];
  const labels: Record<string, string> = {
    event: t('initiatives.admin.event'), slug: t('initiatives.admin.slug'), code: t('initiatives.code'), kind: t('initiatives.admin.kind'),
    original_lang: t('initiatives.admin.original_lang'), organisation: t('initiatives.organisation'), city: t('initiatives.admin.city'),
    subregion: t('initiatives.admin.subregion'), country: t('initiatives.admin.country'), latitude: t('initiatives.admin.latitude'),
    longitude: t('initiatives.admin.longitude'), workshop: t('initiatives.admin.workshop'), themes: t('initiatives.themes'), links: t('initiatives.links'),
  };
  for (const l of LANGS) {
    labels[`title_${l}`] = `${t('initiatives.admin.initiative_title')} (${t.langName(l)})`;
    labels[`summary_${l}`] = `${t('initiatives.summary')} (${t.langName(l)})`;
  }
  for (const row of shown) {
    for (const field of PRESENTER_FIELDS) labels[`presenter_${field}_${row}`] = t('initiatives.admin.presenter_field', { field: t(`initiatives.admin.presenter_${field}`), n: row + 1 });
  }
  const describedBy = (name: string, hint?: boolean) => [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const area = (name: string, rowsCount: number, hint?: string) => (
    <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]} hint={hint}>
      <textarea id={name} name={name} rows={rowsCount} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={describedBy(name, Boolean(hint))}>{str(v[name])}</textarea>
    </FieldFrame>
  );
  const select = (name: string, options: { value: string; label: string }[], required = true) => (
    <FieldFrame ctx={ctx} name={name} label={labels[name]!} error={errors[name]} required={required}>
      <select id={name} name={name} required={required} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={describedBy(name)}>
        {options.map((option) => <option value={option.value} selected={str(v[name]) === option.value}>{option.label}</option>)}
      </select>
    </FieldFrame>
  );
  const event = editing?.event_slug ?? str(v.event);
  const workshopOptions = workshops.filter((w) => !editing || w.event_slug === editing.event_slug);
  const action = editing ? `/${lang}/admin/initiatives/${editing.slug}` : `/${lang}/admin/initiatives`;
  return (
    <>
      <h1>{editing ? t('initiatives.admin.edit_of', { title: textOf(editing.title, lang) }) : t('initiatives.admin.new')}</h1>
      <p>
        <a href={`/${lang}/admin/initiatives`}>{t('initiatives.admin.title')}</a>
        {editing && <> · <a href={`/${lang}/initiatives/${editing.slug}`}>{t('initiatives.admin.view')}</a></>}
      </p>
      {state.unsaved && <p role="status" class="notice">{t('initiatives.admin.unsaved')}</p>}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {editing
          ? <p>{labels.event}: <strong>{editing.event_slug}</strong><input type="hidden" name="event" value={editing.event_slug} /></p>
          : <Field ctx={ctx} name="event" label={labels.event!} errors={errors} value={event} required hint={t('initiatives.admin.event_hint')} />}
        {!editing && <Field ctx={ctx} name="slug" label={labels.slug!} errors={errors} value={str(v.slug)} hint={t('initiatives.admin.slug_hint')} />}
        <Field ctx={ctx} name="code" label={labels.code!} errors={errors} value={str(v.code)} required hint={t('initiatives.admin.code_hint')} />
        {select('kind', KINDS.map((kind) => ({ value: kind, label: t(`initiatives.admin.kind_${kind}`) })))}
        {editing ? <input type="hidden" name="original_lang" value={source} /> : select('original_lang', LANGS.map((l) => ({ value: l, label: t.langName(l) })))}
        {order.map((l) => (
          <fieldset class="act-lang" lang={l}>
            <legend lang={lang}>{t.langName(l)}{l === source ? ` — ${t('initiatives.admin.original')}` : ''}</legend>
            <Field ctx={ctx} name={`title_${l}`} label={labels[`title_${l}`]!} errors={errors} value={str(v[`title_${l}`])} required={l === source} />
            {area(`summary_${l}`, 6)}
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('initiatives.admin.where')}</legend>
          <Field ctx={ctx} name="organisation" label={labels.organisation!} errors={errors} value={str(v.organisation)} />
          <Field ctx={ctx} name="city" label={labels.city!} errors={errors} value={str(v.city)} />
          <Field ctx={ctx} name="subregion" label={labels.subregion!} errors={errors} value={str(v.subregion)} />
          <Field ctx={ctx} name="country" label={labels.country!} errors={errors} value={str(v.country)} hint={t('initiatives.admin.country_hint')} />
          <Field ctx={ctx} name="latitude" label={labels.latitude!} errors={errors} value={str(v.latitude)} hint={t('initiatives.admin.coordinates_hint')} />
          <Field ctx={ctx} name="longitude" label={labels.longitude!} errors={errors} value={str(v.longitude)} />
          {str(v.country) && /^[A-Za-z]{2}$/.test(str(v.country)) && <p class="meta">{countryName(str(v.country).toUpperCase(), lang)}</p>}
        </fieldset>
        {select('workshop', [{ value: '', label: t('initiatives.admin.no_workshop') }, ...workshopOptions.map((w) => ({
          value: String(w.id), label: `${editing ? '' : `${w.event_slug} · `}${t('initiatives.session', { code: w.session_code })} · ${w.code} ${textOf(w.title, lang)}`,
        }))], false)}
        <fieldset class={errors.themes ? 'facet has-error' : 'facet'} id="themes">
          <legend>{labels.themes}</legend>
          {errors.themes && <p class="field-error" id="themes-error">{t(errors.themes)}</p>}
          {THEMES.map((theme) => (
            <label class="check"><input type="checkbox" name="themes" value={theme.slug} checked={list(v.themes).includes(theme.slug)} /> {theme.names[lang]}</label>
          ))}
        </fieldset>
        {area('links', 3, t('initiatives.admin.one_per_line'))}
        <fieldset>
          <legend>{t('initiatives.presenters')}</legend>
          {shown.map((row) => (
            <fieldset class="presenter-row">
              <legend>{t('initiatives.admin.presenter_n', { n: row + 1 })}</legend>
              {PRESENTER_FIELDS.map((field) => (
                <Field ctx={ctx} name={`presenter_${field}_${row}`} label={t(`initiatives.admin.presenter_${field}`)} errors={errors}
                  value={str(v[`presenter_${field}_${row}`])} />
              ))}
              {row !== shown.at(-1) && (
                <label class="check"><input type="checkbox" name={`presenter_remove_${row}`} value="1" checked={Boolean(v[`presenter_remove_${row}`])} /> {t('initiatives.admin.presenter_remove')}</label>
              )}
            </fieldset>
          ))}
        </fieldset>
        {/* Save comes first: Enter in a field submits with the form's first button. */}
        <button type="submit">{t('initiatives.admin.save')}</button>{' '}
        <button type="submit" name="more_presenters" value="1" class="secondary">{t('initiatives.admin.add_presenter')}</button>
      </form>
    </>
  );
}
