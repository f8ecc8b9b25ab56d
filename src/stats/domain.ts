import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { membershipTarget as latestTarget } from '../members/domain.ts';
import {
  activitiesOfYear, activitiesPerYear, callsReceivedSelected, activityYears, applicationsAsOf, initiativesBy, membersAsOf, membershipOverTime, newsletterFigures, plannedVersusHeld, reachOfYear, type Count,
} from './queries.ts';

export type { Count };
/** The earliest day a figure can be asked for: the network was launched in 2013. */
export const FIRST_DAY = '2013-01-01';

/** A valid 'YYYY-MM-DD' between the network's launch and today, else null (the route answers 400). */
export function parseDay(value: unknown, today: string): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return null;
  return value >= FIRST_DAY && value <= today ? value : null;
}

/** Every figure of the public page, as it stood on `day`, for the activities of `year`. */
export async function networkFigures(db: Kysely<DB>, day: string, year: number) {
  const [byKind, byRegion, byCountry, overTime, applications, perYear, types, regions, formats, reach, programme, iRegion, iCountry, iTheme, newsletter, years, target, calls] = await Promise.all([
    membersAsOf(db, day, 'kind'), membersAsOf(db, day, 'region'), membersAsOf(db, day, 'country'), membershipOverTime(db, day), applicationsAsOf(db, day),
    activitiesPerYear(db), activitiesOfYear(db, year, 'type'), activitiesOfYear(db, year, 'region'), activitiesOfYear(db, year, 'format'), reachOfYear(db, year), plannedVersusHeld(db, year),
    initiativesBy(db, 'region'), initiativesBy(db, 'country'), initiativesBy(db, 'theme'), newsletterFigures(db), activityYears(db), latestTarget(db),
    callsReceivedSelected(db),
  ]);
  const total = byKind.reduce((sum, row) => sum + row.count, 0);
  return {
    day, year, years, target: target ?? null,
    members: { total, byKind, byRegion, byCountry, overTime },
    applications,
    activities: { perYear, types, regions, formats, reach, programme },
    initiatives: { total: iRegion.reduce((sum, row) => sum + row.count, 0), byRegion: iRegion, byCountry: iCountry, byTheme: iTheme },
    calls,
    newsletter,
  };
}
export type NetworkFigures = Awaited<ReturnType<typeof networkFigures>>;

/** The figures one can download as CSV: name → its rows (key, count). */
export function figureTable(figures: NetworkFigures, name: string): Count[] | null {
  const tables: Record<string, Count[]> = {
    'members-by-kind': figures.members.byKind,
    'members-by-region': figures.members.byRegion,
    'members-by-country': figures.members.byCountry,
    'members-over-time': figures.members.overTime.map((row) => ({ key: row.day, count: row.count })),
    'activities-per-year': figures.activities.perYear.map((row) => ({ key: String(row.year), count: row.count })),
    'activities-by-type': figures.activities.types,
    'activities-by-region': figures.activities.regions,
    'activities-by-format': figures.activities.formats,
    'activities-planned-held': programmeRows(figures.activities.programme),
    'initiatives-by-region': figures.initiatives.byRegion,
    'initiatives-by-country': figures.initiatives.byCountry,
    'initiatives-by-theme': figures.initiatives.byTheme,
    'calls-received': figures.calls.map((call) => ({ key: call.slug, count: call.received })),
    'calls-selected': figures.calls.map((call) => ({ key: call.slug, count: call.selected })),
    'subscribers-by-language': figures.newsletter.subscribers,
    'subscribers-by-topic': figures.newsletter.topics,
    'deliveries-by-status': figures.newsletter.deliveries,
  };
  return tables[name] ?? null;
}

/** The year's programme as rows: held as planned, planned with no record of being held, held outside it. */
export function programmeRows(programme: NetworkFigures['activities']['programme']): Count[] {
  return [
    { key: 'held', count: programme.held },
    { key: 'unrecorded', count: programme.unrecorded },
    { key: 'unplanned', count: programme.unplanned },
  ];
}
