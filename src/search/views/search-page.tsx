import { LANG_NAMES, type Lang } from '../../i18n/langs.ts';
import { Facet, FilterForm, Pagination } from '../../web/listing.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { themeName } from '../glossary.ts';
import type { SearchFilters, SearchResult } from '../search.ts';
import type { Segment } from '../snippet.ts';
import { CAP } from '../search.ts';

export function SearchPage({ ctx, q, result, filters, page, pageSize, query }: {
  ctx: PageContext;
  q: string;
  result: SearchResult;
  filters: SearchFilters;
  page: number;
  pageSize: number;
  query: URLSearchParams;
}) {
  const { t, lang } = ctx;
  const action = `/${lang}/search`;
  const count = (n: number) => (result.capped ? t('search.count_capped', { count: n }) : t.plural('search.count', n));
  const facet = (value: string, count: number, label: string) => ({ value, count, label });
  return (
    <div class="search-page">
      <h1>{t('search.title')}</h1>
      <form method="get" action={action} role="search" class="search-form" aria-label={t('search.title')}>
        <label for="search-q">{t('search.label')}</label>
        <input id="search-q" type="search" name="q" value={q} maxLength={200} autocomplete="off" data-suggest="search-suggest-page" />
        <button type="submit">{t('search.submit')}</button>
        <div id="search-suggest-page" class="search-suggest" data-label={t('search.suggestions')} hidden />
      </form>
      {!result.query.text ? (
        <p class="lead">{q.trim() ? t('search.nothing_searchable') : t('search.empty')}</p>
      ) : (
        <div class="initiatives-layout">
          <FilterForm ctx={ctx} action={action}>
            <input type="hidden" name="q" value={q} />
            <Facet name="kind" legend={t('search.facet.kind')} selected={filters.kind} options={result.facets.kind.map((f) => facet(f.value, f.count, t(`search.kind.${f.value}`)))} />
            <Facet name="language" legend={t('search.facet.language')} selected={filters.language} options={result.facets.language.map((f) => facet(f.value, f.count, LANG_NAMES[f.value as Lang] ?? f.value))} />
            <Facet name="year" legend={t('search.facet.year')} selected={filters.year} options={result.facets.year.map((f) => facet(f.value, f.count, f.value))} />
            <Facet name="region" legend={t('search.facet.region')} selected={filters.region} options={result.facets.region.map((f) => facet(f.value, f.count, t(`initiatives.region.${f.value}`)))} />
            <Facet name="theme" legend={t('search.facet.theme')} selected={filters.theme} options={result.facets.theme.map((f) => facet(f.value, f.count, themeName(f.value, lang)))} />
            {result.capped && <p class="meta">{t('search.facets_capped', { count: result.total })}</p>}
          </FilterForm>
          <div>
            <p role="status">
              {result.typo ? t('search.typo', { q: result.query.text, corrected: result.corrected ?? '' }) : count(result.total)}
              {result.partial && <> {result.partial.exact === 0 ? t('search.partial_none') : t.plural('search.partial_some', result.partial.exact)}</>}
            </p>
            {result.items.length === 0 && <p>{t('search.none')}</p>}
            <ol class="search-results">
              {result.items.map((item) => (
                <li>
                  <h2 class="search-title">
                    <a href={`/${lang}${item.path}`} lang={item.titleLang === lang ? undefined : item.titleLang}>{item.title}</a>
                  </h2>
                  <p class="meta">
                    {t(`search.kind.${item.kind}`)}
                    {item.date && <> · {item.date.slice(0, 4)}</>}
                    {item.lang !== lang && <> · {LANG_NAMES[item.lang]}</>}
                  </p>
                  {item.snippet.length > 0 && <p class="search-snippet" lang={item.lang}><Snippet segments={item.snippet} /></p>}
                </li>
              ))}
            </ol>
            <Pagination ctx={ctx} total={Math.min(result.total, CAP)} page={page} pageSize={pageSize} path={action} query={query} />
          </div>
        </div>
      )}
    </div>
  );
}

/** Matches in <mark>, everything as text: Preact escapes each segment. */
function Snippet({ segments }: { segments: Segment[] }) {
  return <>{segments.map((segment) => (segment.mark ? <mark>{segment.text}</mark> : segment.text))}</>;
}
