import { textOf } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import { Select } from '../../governance/views/admin.tsx';
import type { PlaceRow, PlaceTarget } from '../correction.ts';
import { COUNTRY_CODES, countryName } from '../countries.ts';

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The place of one member or initiative, and the form that corrects it (coordinates optional). */
export function PlaceFormPage({ ctx, target, row, state, saved }: { ctx: PageContext; target: PlaceTarget; row: PlaceRow; state: { errors?: FieldErrors; values?: Record<string, unknown> }; saved: boolean }) {
  const { t, lang } = ctx;
  const errors = state.errors ?? {};
  const value = (name: keyof PlaceRow) => (state.values ? str(state.values[name]) : str(row[name]));
  const publicPath = target === 'member' ? `/${lang}/members/${row.slug}` : `/${lang}/initiatives/${row.slug}`;
  const labels = { city: t('places.city'), country: t('places.country'), latitude: t('places.latitude'), longitude: t('places.longitude') };
  return (
    <>
      <h1>{t('places.title', { name: textOf(row.name, lang) })}</h1>
      {saved && <p role="status" class="notice">{t('places.saved')}</p>}
      <p>
        {row.latitude !== null && row.longitude !== null
          ? t('places.now', { place: [row.city, row.country ? countryName(row.country, lang) : ''].filter(Boolean).join(', '), latitude: row.latitude.toFixed(5), longitude: row.longitude.toFixed(5) })
          : t('places.unplaced')}
        {' '}<a href={publicPath}>{t('places.public_page')}</a> · <a href={`/${lang}/map`}>{t('places.map')}</a>
      </p>
      <form method="post" action={`/${lang}/admin/places/${target}/${row.slug}`} novalidate aria-labelledby="place-form-title">
        <h2 id="place-form-title">{t('places.correct')}</h2>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
        <Field ctx={ctx} name="city" label={labels.city} errors={errors} value={value('city')} />
        <Select ctx={ctx} name="country" label={labels.country} state={{ errors, values: state.values }} chosen={row.country ?? ''} empty="—"
          options={COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang))} />
        <Field ctx={ctx} name="latitude" label={labels.latitude} hint={t('places.coordinates_hint')} errors={errors} value={value('latitude')} />
        <Field ctx={ctx} name="longitude" label={labels.longitude} hint={t('places.coordinates_hint')} errors={errors} value={value('longitude')} />
        <button type="submit">{t('places.save')}</button>
      </form>
    </>
  );
}
