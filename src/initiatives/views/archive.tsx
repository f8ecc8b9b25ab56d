import { textOf } from '../../i18n/translatable.ts';
import { countryName } from '../../places/countries.ts';
import { Facet, FilterForm, Pagination } from '../../web/listing.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { compareCodes } from '../codes.ts';
import { eventName, type initiativeArchive, type InitiativeFilters } from '../domain.ts';
import { Text } from './detail.tsx';
import { collator } from '../../i18n/formats.ts';

type Archive = Awaited<ReturnType<typeof initiativeArchive>>;
type Row = Archive['rows'][number];

export function InitiativesPage({ ctx, archive, filters, page, query }: {
  ctx: PageContext;
  archive: Archive;
  filters: InitiativeFilters;
  page: number;
  query: URLSearchParams;
}) {
  const { t, lang } = ctx;
  const { rows, total, facets, themes } = archive;
  const action = `/${lang}/initiatives`;
  const byLabel = <T extends { label: string }>(options: T[]) => options.sort((a, b) => collator(lang).compare(a.label, b.label));
  const nameOf = (slug: string) => eventName(archive.events, slug, lang);
  const workshopLabel = (code: string) => {
    const title = textOf(archive.workshops.get(code), lang);
    return title ? `${code} ${title}` : code;
  };
  return (
    <div class="initiatives">
      <h1>{t('initiatives.title')}</h1>
      <p class="lead">{t('initiatives.intro')}</p>
      <p>
        {facets.event.map((event) => (
          <a class="initiatives-programme-link" href={`/${lang}/initiatives/programme/${event.value}`}>{t('initiatives.programme_of', { event: nameOf(event.value) })}</a>
        ))}
      </p>
      <div class="initiatives-layout">
        <FilterForm ctx={ctx} action={action}>
          <div class="field">
            <label for="initiatives-q">{t('initiatives.search')}</label>
            <input id="initiatives-q" type="search" name="q" value={filters.q} />
          </div>
          <Facet name="event" legend={t('initiatives.facet.event')} selected={filters.event} options={facets.event.map((f) => ({ ...f, label: nameOf(f.value) }))} />
          <Facet name="session" legend={t('initiatives.facet.session')} selected={filters.session}
            options={facets.session.sort((a, b) => compareCodes(a.value, b.value)).map((f) => ({ ...f, label: t('initiatives.session', { code: f.value }) }))} />
          <Facet name="workshop" legend={t('initiatives.facet.workshop')} selected={filters.workshop}
            options={facets.workshop.sort((a, b) => compareCodes(a.value, b.value)).map((f) => ({ ...f, label: workshopLabel(f.value) }))} />
          <Facet name="region" legend={t('initiatives.facet.region')} selected={filters.region}
            options={facets.region.map((f) => ({ ...f, label: t(`initiatives.region.${f.value}`) }))} />
          <Facet name="country" legend={t('initiatives.facet.country')} selected={filters.country}
            options={byLabel(facets.country.map((f) => ({ ...f, label: countryName(f.value, lang) })))} />
          <Facet name="theme" legend={t('initiatives.facet.theme')} selected={filters.theme}
            options={facets.theme.map((f) => ({ ...f, label: textOf(themes.find((theme) => theme.slug === f.value)?.name, lang) || f.value }))} />
          <Facet name="kind" legend={t('initiatives.facet.kind')} selected={filters.kind}
            options={facets.kind.map((f) => ({ ...f, label: t(`initiatives.organisation_kind_${f.value}`) }))} />
        </FilterForm>
        <div>
          <p role="status">{t.plural('initiatives.count', total)}</p>
          <ol class="initiatives-list">
            {rows.map((row) => <InitiativeCard ctx={ctx} row={row} event={nameOf(row.event_slug)} />)}
          </ol>
          <Pagination ctx={ctx} total={total} page={page} path={action} query={query} />
          <p class="meta">
            <a href={`/api/v1/initiatives.csv?lang=${lang}`}>{t('initiatives.download_csv')}</a> ·{' '}
            <a href={`/api/v1/initiatives?lang=${lang}`}>{t('initiatives.api')}</a> · <a href={`/${lang}/map`}>{t('initiatives.see_map')}</a>
          </p>
        </div>
      </div>
    </div>
  );
}

function InitiativeCard({ ctx, row, event }: { ctx: PageContext; row: Row; event: string }) {
  const { t, lang } = ctx;
  return (
    <li class="initiatives-card">
      <h2>
        <span class="initiatives-code">{row.code}</span> <a href={`/${lang}/initiatives/${row.slug}`}><Text ctx={ctx} field={row.title} /></a>
      </h2>
      <p class="meta">
        {row.kind === 'thematic_workshop' && <>{t('initiatives.kind.thematic_workshop')} · </>}
        {row.organisation_name && <><Text ctx={ctx} field={row.organisation_name} /> · </>}
        {(row.city || row.country) && <>{[row.city, row.country ? countryName(row.country, lang) : null].filter(Boolean).join(', ')} · </>}
        {event}
      </p>
    </li>
  );
}
