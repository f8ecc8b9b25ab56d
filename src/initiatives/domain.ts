import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { activityNames } from '../activities/domain.ts';
import { textOf, type Translatable } from '../i18n/translatable.ts';
import { EVENT_SLUG } from './codes.ts';
import { memoisedByContent } from '../db/content-memo.ts';
import { dateFormat } from '../i18n/formats.ts';
import {
  archiveEventRows, countInitiatives, findInitiative, listInitiatives, listInitiativesById, listThemes as readThemes, listWorkshops, mapCountries as readMapCountries, programmeOf,
  relatedInitiatives, resolveFilters, textMatches, type FacetName, type InitiativeFilters,
} from './queries.ts';
import { archiveIndex, archiveVersion, countArchive } from './archive-index.ts';

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

/**
 * One page of the archive with its total and every facet's counts: the text query's matches come
 * from the site search's index, then the counts and the page's order from the archive's index in
 * memory, and only the page's own rows from the table.
 */
export async function initiativeArchive(db: Kysely<DB>, input: InitiativeFilters, page: { limit: number; offset: number }) {
  const matching = Promise.all([archiveVersion(db).then((version) => archiveIndex(db, version)), input.q ? textMatches(db, input.q) : null])
    .then(async ([index, matches]) => {
      const { total, facets, listed } = countArchive(index, input, matches);
      const ids = Array.from(listed.subarray(page.offset, page.offset + page.limit), (r) => index.ids[r]!);
      return { total, facets, rows: await listInitiativesById(db, ids) };
    });
  const [{ total, facets, rows }, themes, events, workshops] = await Promise.all([matching, listThemes(db), archiveEvents(db), workshopTitles(db)]);
  return { total, rows, themes, events, workshops, facets };
}

/** One page of the archive without facet counts (exports). */
export async function initiativeRows(db: Kysely<DB>, input: InitiativeFilters, page: { limit: number; offset: number }) {
  const filters = await resolveFilters(db, input);
  const [total, rows] = await Promise.all([countInitiatives(db, filters), listInitiatives(db, filters, page)]);
  return { total, rows };
}

export async function initiativeDetail(db: Kysely<DB>, slug: string) {
  const initiative = await findInitiative(db, slug);
  if (!initiative) return null;
  const [related, themes, events] = await Promise.all([relatedInitiatives(db, initiative), listThemes(db), archiveEvents(db)]);
  return { initiative, related, themes, events };
}

export async function eventProgramme(db: Kysely<DB>, eventSlug: string) {
  if (!EVENT_SLUG.test(eventSlug)) return null;
  const programme = await programmeOf(db, eventSlug);
  if (!programme.sessions.length && !programme.items.length) return null;
  // An event with initiatives but no programme of its own is named after its activity.
  const event = programme.event ?? (await archiveEvents(db)).find((candidate) => candidate.event_slug === eventSlug) ?? null;
  return { ...programme, event };
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
  const format = dateFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dates = !event.ends_on || event.ends_on === event.starts_on ? format.format(day(event.starts_on)) : format.formatRange(day(event.starts_on), day(event.ends_on));
  return `${title} — ${dates}`;
}

export interface ArchiveEvent {
  event_slug: string;
  title: Translatable | null;
  starts_on: string | null;
  ends_on: string | null;
}

/**
 * Every event of the archive with its name: its programme's title, else the title of the activity
 * with the same slug (GSEF2016 Montréal has initiatives but no programme), else none (the slug shows).
 * An activity's dates may be month-only, so a name borrowed from one carries no dates.
 */
async function readArchiveEvents(db: Kysely<DB>): Promise<ArchiveEvent[]> {
  const rows = await archiveEventRows(db);
  const activities = await activityNames(db, rows.filter((row) => !row.title).map((row) => row.event_slug));
  return rows.map((row) => row.title
    ? { event_slug: row.event_slug, title: row.title as Translatable, starts_on: row.starts_on, ends_on: row.ends_on }
    : { event_slug: row.event_slug, title: (activities.get(row.event_slug)?.title as Translatable | undefined) ?? null, starts_on: null, ends_on: null });
}

/**
 * Lists every archive page shows whatever its filters, read once per content change (they change
 * only when content does: db/content-memo.ts), not once per page.
 */
export const archiveEvents = memoisedByContent(readArchiveEvents);
export const listThemes = memoisedByContent(readThemes);
export const mapCountries = memoisedByContent(readMapCountries);

/** An event's name in the reader's language, else its slug. */
export function eventName(events: readonly ArchiveEvent[], slug: string, lang: Lang): string {
  return textOf(events.find((event) => event.event_slug === slug)?.title ?? undefined, lang) || slug;
}

/** Workshop titles by code, for every workshop (a facet lists codes beyond the page's rows). */
const workshopTitles = memoisedByContent(async (db: Kysely<DB>) => {
  const rows = await listWorkshops(db);
  return new Map(rows.reverse().map((row) => [row.code, row.title as Translatable]));
});
export { initiativePoints, organisationPoints } from './queries.ts';
