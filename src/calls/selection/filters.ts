import { LANGS, type Lang } from '../../i18n/langs.ts';
import { ORGANISATION_KINDS } from '../../organisations/domain.ts';
import { isCountryCode } from '../../places/countries.ts';
import { REGIONS } from '../../places/regions.ts';
import { HttpError } from '../../web/http-error.ts';

/**
 * The selection table's facets, read from the query string (GET, so they work without JavaScript and
 * a filtered view can be bookmarked). The same shape travels as hidden fields with a bulk decision,
 * so the decision applies to exactly the set the secretariat was looking at.
 */
export const DECISION_STATES = ['undecided', 'accepted', 'waitlisted', 'rejected', 'pending', 'released'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

export interface SelectionFilters {
  theme: string[];
  region: string[];
  country: string[];
  language: Lang[];
  kind: string[];
  state: DecisionState[];
  minScore: number | null;
  maxScore: number | null;
}

export const FACET_KEYS = ['theme', 'region', 'country', 'language', 'kind', 'state'] as const;
type Query = Record<string, unknown>;

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).map(String).filter((v) => v !== '');

function score(value: unknown, field: string): number | null {
  const text = list(value)[0];
  if (text === undefined) return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 1000) throw new HttpError(400, 'selection.error.score', { [field]: 'selection.error.score' });
  return n;
}

/** The facets of a request; an unknown value is a named 400 (never silently ignored). */
export function parseFilters(query: Query, themes: readonly string[]): SelectionFilters {
  const allowed: Record<(typeof FACET_KEYS)[number], (v: string) => boolean> = {
    theme: (v) => themes.includes(v),
    region: (v) => (REGIONS as readonly string[]).includes(v),
    country: (v) => isCountryCode(v),
    language: (v) => (LANGS as readonly string[]).includes(v),
    kind: (v) => (ORGANISATION_KINDS as readonly string[]).includes(v),
    state: (v) => (DECISION_STATES as readonly string[]).includes(v),
  };
  const values = {} as Record<(typeof FACET_KEYS)[number], string[]>;
  for (const key of FACET_KEYS) {
    values[key] = list(query[key]).slice(0, 300);
    if (values[key].some((v) => !allowed[key](v))) throw new HttpError(400, `selection.error.unknown_${key}`, { [key]: `selection.error.unknown_${key}` });
  }
  const minScore = score(query.min, 'min');
  const maxScore = score(query.max, 'max');
  if (minScore !== null && maxScore !== null && minScore > maxScore) throw new HttpError(400, 'selection.error.score_range', { min: 'selection.error.score_range' });
  return { ...values, language: values.language as Lang[], state: values.state as DecisionState[], minScore, maxScore };
}

/** The filters as query pairs, for links, the form's hidden fields and the bulk decision. */
export function filterPairs(filters: SelectionFilters): [string, string][] {
  const pairs: [string, string][] = [];
  for (const key of FACET_KEYS) for (const value of filters[key]) pairs.push([key, value]);
  if (filters.minScore !== null) pairs.push(['min', String(filters.minScore)]);
  if (filters.maxScore !== null) pairs.push(['max', String(filters.maxScore)]);
  return pairs;
}

export const queryString = (filters: SelectionFilters) => new URLSearchParams(filterPairs(filters)).toString();
