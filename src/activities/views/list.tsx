import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { Facet, FilterForm, Pagination, type FacetOption } from '../../web/listing.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { browseActivities } from '../domain.ts';
import { ActivityItem } from './parts.tsx';
import { collator } from '../../i18n/formats.ts';

export interface ListState {
  selected: { type: string[]; region: string[]; year: string[]; theme: string[]; series: string[] };
  page: number;
  query: URLSearchParams;
}

type Browse = Awaited<ReturnType<typeof browseActivities>>;

export function ActivitiesPage({ ctx, data, state }: { ctx: PageContext; data: Browse; state: ListState }) {
  const { t, lang } = ctx;
  const seriesTitle = new Map<string, Translatable>(data.series.map((s) => [s.slug, s.title]));
  const options = (facet: keyof Browse['facets'], label: (value: string) => string, sort: 'count' | 'value-desc' = 'count'): FacetOption[] =>
    data.facets[facet]
      .map((entry) => ({ value: entry.value, label: label(entry.value), count: entry.count }))
      .sort((a, b) => (sort === 'count' ? b.count - a.count || collator(lang).compare(a.label, b.label) : b.value.localeCompare(a.value)));
  const path = `/${lang}/activities`;
  return (
    <>
      <h1>{t('activities.title')}</h1>
      <p class="lead">{t('activities.intro')}</p>
      <p>
        <a href={`/${lang}/calendar`}>{t('activities.see_calendar')}</a>
      </p>
      <div class="act-listing">
        <FilterForm ctx={ctx} action={path}>
          <Facet name="type" legend={t('activities.filter.type')} options={options('type', (v) => t(`activities.type.${v}`))} selected={state.selected.type} />
          <Facet name="region" legend={t('activities.filter.region')} options={options('region', (v) => t(`activities.region.${v}`))} selected={state.selected.region} />
          <Facet name="year" legend={t('activities.filter.year')} options={options('year', (v) => v, 'value-desc')} selected={state.selected.year} />
          <Facet name="theme" legend={t('activities.filter.theme')} options={options('theme', (v) => t(`activities.theme.${v}`))} selected={state.selected.theme} />
          <Facet name="series" legend={t('activities.filter.series')} options={options('series', (v) => textOf(seriesTitle.get(v), lang) || v)} selected={state.selected.series} />
        </FilterForm>
        <section aria-labelledby="act-results">
          <h2 id="act-results">{t.plural('activities.count', data.total)}</h2>
          {data.items.length === 0 ? (
            <p>{t('activities.none')}</p>
          ) : (
            <ul class="act-list">
              {data.items.map((activity) => (
                <ActivityItem ctx={ctx} activity={activity} />
              ))}
            </ul>
          )}
          <Pagination ctx={ctx} total={data.total} page={state.page} path={path} query={state.query} />
        </section>
        <section aria-labelledby="act-series">
          <h2 id="act-series">{t('activities.filter.series')}</h2>
          <ul>
            {data.series.map((series) => (
              <li>
                <a href={`/${lang}/activities/series/${series.slug}`}>{textOf(series.title, lang)}</a>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
