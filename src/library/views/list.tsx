import { pick } from '../../i18n/translatable.ts';
import { Facet, FilterForm, Pagination } from '../../web/listing.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { themeName, type libraryListing, type LibraryFilters } from '../domain.ts';
import { ResourceMeta } from './parts.tsx';

type Listing = Awaited<ReturnType<typeof libraryListing>>;

export function LibraryPage({ ctx, listing, filters, page, query }: { ctx: PageContext; listing: Listing; filters: LibraryFilters; page: number; query: URLSearchParams }) {
  const { t, lang } = ctx;
  const { rows, total, facets } = listing;
  const action = `/${lang}/library`;
  return (
    <div class="library">
      <h1>{t('library.title')}</h1>
      <p class="lead">{t('library.intro')}</p>
      <div class="initiatives-layout">
        <FilterForm ctx={ctx} action={action}>
          <div class="field">
            <label for="library-q">{t('library.filter_text')}</label>
            <input id="library-q" type="search" name="q" value={filters.q} />
          </div>
          <Facet name="type" legend={t('library.facet.type')} selected={filters.type} options={facets.type.map((f) => ({ ...f, label: t(`library.type.${f.value}`) }))} />
          <Facet name="language" legend={t('library.facet.language')} selected={filters.language}
            options={facets.language.map((f) => ({ ...f, label: t.langName(f.value as never) }))} />
          <Facet name="year" legend={t('library.facet.year')} selected={filters.year}
            options={facets.year.sort((a, b) => b.value.localeCompare(a.value)).map((f) => ({ ...f, label: f.value }))} />
          <Facet name="theme" legend={t('library.facet.theme')} selected={filters.theme} options={facets.theme.map((f) => ({ ...f, label: themeName(f.value, lang) }))} />
        </FilterForm>
        <div>
          <p role="status">{t.plural('library.count', total)}</p>
          <ol class="library-list">
            {rows.map((row) => {
              const title = pick(row.title, lang);
              const summary = pick(row.summary, lang);
              return (
                <li class="library-card">
                  <h2>
                    <a href={`/${lang}/library/${row.slug}`} lang={title && title.lang !== lang ? title.lang : undefined}>{title?.text}</a>
                  </h2>
                  <ResourceMeta ctx={ctx} row={row} />
                  {summary && <p lang={summary.lang !== lang ? summary.lang : undefined}>{summary.text.length > 240 ? `${summary.text.slice(0, 237)}…` : summary.text}</p>}
                </li>
              );
            })}
          </ol>
          <Pagination ctx={ctx} total={total} page={page} path={action} query={query} />
          <p class="meta">
            <a href={`/api/v1/resources.csv?lang=${lang}`}>{t('library.download_csv')}</a> · <a href={`/api/v1/resources?lang=${lang}`}>{t('library.api')}</a>
          </p>
        </div>
      </div>
    </div>
  );
}
