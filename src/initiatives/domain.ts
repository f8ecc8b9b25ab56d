import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { textOf } from '../i18n/translatable.ts';
import { EVENT_SLUG } from './import.ts';
import {
  archiveCounts, countInitiatives, eventSlugs, findInitiative, listInitiatives, listThemes, programmeOf, relatedInitiatives,
  type FacetName, type InitiativeFilters,
} from './queries.ts';

export type { InitiativeFilters } from './queries.ts';
export const FACETS: FacetName[] = ['event', 'session', 'workshop', 'country', 'region', 'theme', 'kind'];

/**
 * Filters from a query string. A value no initiative has (an unknown country, theme or event) is kept
 * and simply matches nothing: the answer is an empty list, never an error or the whole archive.
 */
export function cleanFilters(input: Partial<Record<FacetName, string[]>> & { q?: string }): InitiativeFilters {
  // Control characters cannot be stored (PostgreSQL refuses NUL): they become U+FFFD, which matches nothing.
  const clean = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD').trim();
  const keep = (values: string[] | undefined) => [...new Set((values ?? []).map(clean).filter((value) => value.length > 0 && value.length <= 100))].slice(0, 50);
  return {
    event: keep(input.event),
    session: keep(input.session),
    workshop: keep(input.workshop),
    country: keep(input.country).map((value) => value.toUpperCase()),
    region: keep(input.region),
    theme: keep(input.theme),
    kind: keep(input.kind),
    q: clean(input.q ?? '').slice(0, 200),
  };
}

export async function initiativeArchive(db: Kysely<DB>, filters: InitiativeFilters, page: { limit: number; offset: number }) {
  const [{ total, facets }, rows, themes] = await Promise.all([archiveCounts(db, filters, FACETS), listInitiatives(db, filters, page), listThemes(db)]);
  return { total, rows, themes, facets };
}

/** One page of the archive without facet counts (exports). */
export async function initiativeRows(db: Kysely<DB>, filters: InitiativeFilters, page: { limit: number; offset: number }) {
  const [total, rows] = await Promise.all([countInitiatives(db, filters), listInitiatives(db, filters, page)]);
  return { total, rows };
}

export async function initiativeDetail(db: Kysely<DB>, slug: string) {
  const initiative = await findInitiative(db, slug);
  if (!initiative) return null;
  const [related, themes] = await Promise.all([relatedInitiatives(db, initiative), listThemes(db)]);
  return { initiative, related, themes };
}

export async function eventProgramme(db: Kysely<DB>, eventSlug: string) {
  if (!EVENT_SLUG.test(eventSlug)) return null;
  const programme = await programmeOf(db, eventSlug);
  return programme.sessions.length || programme.items.length ? programme : null;
}

/**
 * The heading name of an event's programme: its stored title and dates in the reader's language
 * ("GSEF2018 Bilbao — 1–3 October 2018"), else its slug.
 */
export function eventHeading(event: { event_slug: string; title: Parameters<typeof textOf>[0]; starts_on: string | null; ends_on: string | null } | null, slug: string, lang: Lang): string {
  if (!event) return slug;
  const title = textOf(event.title, lang) || slug;
  if (!event.starts_on) return title;
  const day = (value: string) => new Date(`${value}T00:00:00Z`);
  const format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dates = !event.ends_on || event.ends_on === event.starts_on ? format.format(day(event.starts_on)) : format.formatRange(day(event.starts_on), day(event.ends_on));
  return `${title} — ${dates}`;
}

export const archiveEvents = eventSlugs;
export { initiativePoints, organisationPoints, listThemes, mapCountries } from './queries.ts';
