import { callsOfActivity } from '../calls/public/domain.ts';
import type { Kysely } from 'kysely';
import { loadImages } from '../images/domain.ts';
import { memoisedByContent } from '../db/content-memo.ts';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/i18n.ts';
import { textOf } from '../i18n/translatable.ts';
import { countryName } from '../places/countries.ts';
import { REGIONS } from '../places/regions.ts';
import { apiDate, lastDay, type DatePrecision } from './dates.ts';
import type { IcsEvent } from './ics.ts';
import {
  activityCounts,
  activityTitles,
  countActivities,
  facetCounts,
  getActivity,
  getSeries,
  listActivities,
  listChildren,
  listEditions,
  listOrganisations,
  listRelated,
  listResources,
  listSeries as readSeries,
  type ActivityFilter,
  type ActivityListRow,
  type FacetName,
} from './queries.ts';

export type { ActivityFilter, ActivityListRow } from './queries.ts';

export const ACTIVITY_TYPES = [
  'forum', 'policy_dialogue', 'training', 'learning_session', 'conference_session',
  'webinar', 'research_project', 'youth_programme', 'statutory_meeting', 'partner_event',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const FORMATS = ['in-person', 'online', 'hybrid'] as const;

export const THEMES = [
  'public-policy', 'local-development', 'social-finance', 'capacity-building', 'sdgs', 'future-of-work',
  'youth', 'research', 'inclusive-cities', 'covid-19', 'governance', 'international-cooperation',
] as const;

export const isActivityType = (value: string): value is ActivityType => (ACTIVITY_TYPES as readonly string[]).includes(value);
export const isTheme = (value: string) => (THEMES as readonly string[]).includes(value);
export const isKnownRegion = (value: string) => (REGIONS as readonly string[]).includes(value);

/** The series, and the years holding events: read once per content change (db/content-memo.ts). */
const listSeries = memoisedByContent(readSeries);

/** One page of activities with the facet counts of the listing. */
export async function browseActivities(db: Kysely<DB>, filter: ActivityFilter, page: { limit: number; offset: number }) {
  const facets: FacetName[] = ['type', 'region', 'year', 'theme', 'series'];
  const [items, { total, facets: counts }, series] = await Promise.all([listActivities(db, filter, page), activityCounts(db, filter, facets), listSeries(db)]);
  return { items, total, series, facets: counts };
}

export async function activityDetail(db: Kysely<DB>, slug: string) {
  const activity = await getActivity(db, slug);
  if (!activity) return null;
  const [children, resources, related] = await Promise.all([
    listChildren(db, [activity.id]),
    listResources(db, activity.id),
    listRelated(db, activity),
  ]);
  const [organisations, images, calls] = await Promise.all([listOrganisations(db, [activity.id]), loadImages(db, [activity.photo_image_id]), callsOfActivity(db, activity.id)]);
  return { activity, children, resources, related, organisations, calls, photo: activity.photo_image_id ? images.get(activity.photo_image_id) ?? null : null };
}

/** Title and dates of the activities with these slugs, by slug: how other modules name an event. */
export async function activityNames(db: Kysely<DB>, slugs: string[]) {
  const rows = await activityTitles(db, slugs);
  return new Map(rows.map((row) => [row.slug, row]));
}

export async function seriesDetail(db: Kysely<DB>, slug: string) {
  const series = await getSeries(db, slug);
  if (!series) return null;
  return { series, editions: await listEditions(db, series.id) };
}

/**
 * The precisions a calendar can place in a month or a day. A year-only date appears only in its
 * year's view (under "during the year"), never in a month view, the upcoming list or the feed.
 */
export const PLACEABLE: DatePrecision[] = ['day', 'month'];

/** Every event (sub-events included) overlapping a period, in date order. */
export function eventsBetween(db: Kysely<DB>, from: string, to: string, filter: ActivityFilter = {}) {
  return listActivities(db, { ...filter, overlaps: { from, to } }, { limit: 5000, offset: 0 }, 'asc');
}

export function upcomingEvents(db: Kysely<DB>, today: string, limit = 10) {
  return listActivities(db, { endingFrom: today, precisions: PLACEABLE }, { limit, offset: 0 }, 'asc');
}

/** The years that hold events, with how many start in each. */
export const eventYears = memoisedByContent(async (db: Kysely<DB>) => {
  const rows = await facetCounts(db, {}, 'year');
  return rows.map((row) => ({ year: Number(row.value), count: row.count })).sort((a, b) => a.year - b.year);
});

/**
 * The home page's forum: the next one, else the latest one (said as such), leaving out forums
 * known only by their year.
 */
export async function homeForum(db: Kysely<DB>, today: string): Promise<{ forum: ActivityListRow; upcoming: boolean } | null> {
  const [next] = await listActivities(db, { types: ['forum'], topLevel: true, endingFrom: today, precisions: PLACEABLE }, { limit: 1, offset: 0 }, 'asc');
  if (next) return { forum: next, upcoming: true };
  const [latest] = await listActivities(db, { types: ['forum'], topLevel: true, precisions: PLACEABLE }, { limit: 1, offset: 0 });
  return latest ? { forum: latest, upcoming: false } : null;
}

/** For the home page: the most recent activities and how many there are. */
export async function latestActivities(db: Kysely<DB>, limit = 4) {
  const [items, total] = await Promise.all([
    listActivities(db, { topLevel: true }, { limit, offset: 0 }),
    countActivities(db, { topLevel: true }),
  ]);
  return { items, total };
}

/** The public JSON shape of an activity or event. */
export function activityJson(row: ActivityListRow, lang: Lang) {
  return {
    slug: row.slug,
    type: row.type,
    title: textOf(row.title, lang),
    summary: textOf(row.summary, lang),
    start: apiDate(row.start_date, row.date_precision),
    end: apiDate(row.end_date, row.date_precision),
    datePrecision: row.date_precision,
    tentative: row.tentative,
    format: row.format,
    city: row.city,
    country: row.country,
    region: row.region,
    venue: row.venue,
    participants: row.participants,
    countries: row.countries_count,
    themes: row.themes,
    series: row.series_slug,
    edition: row.edition,
    parent: row.parent_slug,
    url: `/${lang}/activities/${row.slug}`,
  };
}

export function placeInWords(row: Pick<ActivityListRow, 'city' | 'country' | 'venue'>, lang: Lang): string {
  return [row.venue, row.city, row.country ? countryName(row.country, lang) : null].filter(Boolean).join(', ');
}

export { lastDay };

/**
 * The events of the iCalendar feed, in the reader's language, with absolute links. Year-only
 * dates are left out: RFC 5545 has no "some day in 2018", and a year-long all-day event would
 * cover every day of a subscriber's calendar with something that happened on one of them.
 */
export async function feedEvents(db: Kysely<DB>, filter: ActivityFilter, lang: Lang, baseUrl: string, limit = 20_000): Promise<IcsEvent[]> {
  const rows = await listActivities(db, { ...filter, precisions: PLACEABLE }, { limit, offset: 0 }, 'asc');
  return rows.map((row) => icsEventOf(row, lang, baseUrl));
}

/** Whether an event can be put in a calendar application (its day or at least its month is known). */
export const hasCalendarDates = (row: Pick<ActivityListRow, 'date_precision'>) => PLACEABLE.includes(row.date_precision);

export function icsEventOf(row: ActivityListRow, lang: Lang, baseUrl: string): IcsEvent {
  return {
    uid: row.uid,
    sequence: row.sequence,
    updatedAt: row.updated_at,
    start_date: row.start_date,
    end_date: row.end_date,
    date_precision: row.date_precision,
    tentative: row.tentative,
    summary: textOf(row.title, lang),
    description: textOf(row.summary, lang),
    location: row.format === 'online' && !row.city ? 'Online' : placeInWords(row, lang),
    url: `${baseUrl}/${lang}/activities/${row.slug}`,
  };
}

/** For the API: a page of activities (or events, with sub-events) in date order, newest first. */
export function listActivitiesMatching(db: Kysely<DB>, filter: ActivityFilter, page: { limit: number; offset: number }) {
  return listActivities(db, filter, page);
}

export function countActivitiesMatching(db: Kysely<DB>, filter: ActivityFilter) {
  return countActivities(db, filter);
}
