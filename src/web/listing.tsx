import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { PageContext } from './page-context.ts';

/**
 * Shared parts of listing pages (members, activities, initiatives, library…): a GET form of facet
 * checkboxes with counts, and pagination links. Everything works without JavaScript: filters are
 * plain query parameters (`?region=africa&region=europe&page=2`).
 */
export const PAGE_SIZE = 20;

export const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** A query-string value that may be repeated, as a clean list (unknown values are the caller's to drop). */
export function listParam(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String).filter(Boolean);
}

/**
 * The filters behind a disclosure, before the results: on a phone it is one line ("Filters · 2
 * chosen") and the first result shows on the first screen; on a wide screen the stylesheet keeps it
 * open as a sidebar (`::details-content`), so nothing needs JavaScript either way. It opens by
 * itself when filters are chosen, so a reader sees what narrows the list.
 */
export function FilterForm({ ctx, action, children }: { ctx: PageContext; action: string; children: ComponentChildren }) {
  const chosen = chosenFilters(ctx.path);
  return (
    <details class="filters-box" open={chosen > 0}>
      <summary>
        {ctx.t('listing.filters')}
        {chosen > 0 && <span class="count"> · {ctx.t.plural('listing.chosen', chosen)}</span>}
      </summary>
      <form method="get" action={action} class="filters" aria-label={ctx.t('listing.filters')}>
        {children}
        <p class="filters-actions">
          <button type="submit">{ctx.t('listing.apply')}</button> <a href={action}>{ctx.t('listing.clear')}</a>
        </p>
      </form>
    </details>
  );
}

/** How many filters the query string sets (paging and ordering do not narrow the list). */
export function chosenFilters(path: string): number {
  const query = new URLSearchParams(path.split('?')[1] ?? '');
  return [...query].filter(([name, value]) => value.trim() !== '' && !['page', 'sort', 'zoom'].includes(name)).length;
}

/** Past this many options a facet folds behind its own disclosure (42 workshops would fill screens). */
const LONG_FACET = 12;

export function Facet({ name, legend, options, selected }: { name: string; legend: string; options: FacetOption[]; selected: string[] }) {
  if (options.length === 0) return null;
  const boxes = options.map((option) => (
    <label class="check">
      <input type="checkbox" name={name} value={option.value} checked={selected.includes(option.value)} /> {option.label}{' '}
      <span class="count">({option.count})</span>
    </label>
  ));
  if (options.length <= LONG_FACET) {
    return (
      <fieldset class="facet">
        <legend>{legend}</legend>
        {boxes}
      </fieldset>
    );
  }
  return (
    <fieldset class="facet">
      <legend class="visually-hidden">{legend}</legend>
      <details open={options.some((option) => selected.includes(option.value))}>
        <summary>{`${legend} (${options.length})`}</summary>
        {boxes}
      </details>
    </fieldset>
  );
}

/** "Page 2 of 7" with previous/next and numbered links, keeping the other query parameters. */
export function Pagination({ ctx, total, page, pageSize = PAGE_SIZE, path, query }: {
  ctx: PageContext;
  total: number;
  page: number;
  pageSize?: number;
  path: string;
  query: URLSearchParams;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const href = (n: number) => {
    const params = new URLSearchParams(query);
    if (n === 1) params.delete('page');
    else params.set('page', String(n));
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={ctx.t('listing.pages')}>
      <p>{ctx.t('listing.page_of', { page, pages })}</p>
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">{ctx.t('listing.previous')}</a>
          </li>
        )}
        {shown.map((n) => (
          <li>{n === page ? <span aria-current="page">{ctx.t.number(n)}</span> : <a href={href(n)}>{ctx.t.number(n)}</a>}</li>
        ))}
        {page < pages && (
          <li>
            <a href={href(page + 1)} rel="next">{ctx.t('listing.next')}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}
