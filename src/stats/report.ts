import type { Kysely } from 'kysely';
import { strToU8, zipSync } from 'fflate';
import { toCsv } from '../api/csv.ts';
import type { DB } from '../db/types.ts';
import { figureTable, networkFigures, type NetworkFigures } from './domain.ts';
import { membersAsOf } from './queries.ts';
import { meetingsOfYear, publicationsOfYear } from './report-queries.ts';

/**
 * The annual report of a year: its activities by type and region, the membership at the start and
 * the end of it, its public governance meetings and decisions, its publications, and its reach.
 * Null for a year with no activity recorded (the route answers 404).
 */
export async function annualReport(db: Kysely<DB>, year: number, today: string) {
  const end = `${year}-12-31` < today ? `${year}-12-31` : today;
  const [figures, startKinds, meetings, publications] = await Promise.all([
    networkFigures(db, end, year), membersAsOf(db, `${year - 1}-12-31`, 'kind'), meetingsOfYear(db, year), publicationsOfYear(db, year),
  ]);
  if (!figures.years.includes(year)) return null;
  const membersAtStart = startKinds.reduce((sum, row) => sum + row.count, 0);
  return { year, end, figures, membersAtStart, meetings, publications };
}
export type AnnualReport = NonNullable<Awaited<ReturnType<typeof annualReport>>>;

const REPORT_TABLES = ['activities-by-type', 'activities-by-region', 'activities-by-format', 'members-by-kind', 'members-by-region', 'members-by-country'] as const;

/** What each CSV of the zip holds: the README of the archive. */
function readme(report: AnnualReport): string {
  const lines = [`GSEF annual report ${report.year}: the figures as CSV (UTF-8, RFC 4180).`, `Membership figures hold for ${report.end}; activity figures for activities starting in ${report.year}, sub-events included.`, ''];
  for (const name of REPORT_TABLES) lines.push(`${name}.csv: key = the ${name.split('-by-')[1]} (codes as in the API), count = how many, as_of = the day the count holds for.`);
  lines.push('reach.csv: slug = the activity (/{lang}/activities/{slug}), start = its first day, participants and countries = as the records give them (empty: not known).');
  lines.push('meetings.csv: slug = the meeting, start = its first day, decisions = decisions recorded at it.');
  lines.push('publications.csv: slug = the resource (/{lang}/library/{slug}), type, published = its date.');
  return `${lines.join('\n')}\n`;
}

/** The report's tables as CSV files in one zip, with a README describing every column. */
export function reportZip(report: AnnualReport): Uint8Array {
  const figures: NetworkFigures = report.figures;
  const files: Record<string, Uint8Array> = { 'README.txt': strToU8(readme(report)) };
  for (const name of REPORT_TABLES) {
    files[`${name}.csv`] = strToU8(toCsv(['key', 'count', 'as_of'], (figureTable(figures, name) ?? []).map((row) => ({ key: row.key, count: row.count, as_of: report.end }))));
  }
  files['reach.csv'] = strToU8(toCsv(['slug', 'start', 'participants', 'countries'], figures.activities.reach.map((row) => ({ slug: row.slug, start: row.start_date, participants: row.participants, countries: row.countries_count }))));
  files['meetings.csv'] = strToU8(toCsv(['slug', 'start', 'decisions'], report.meetings.map((row) => ({ slug: row.slug, start: row.starts_on, decisions: Number(row.decisions) }))));
  files['publications.csv'] = strToU8(toCsv(['slug', 'type', 'published'], report.publications.map((row) => ({ slug: row.slug, type: row.type, published: row.published_on }))));
  return zipSync(files, { level: 6, mtime: new Date(`${report.end}T00:00:00Z`) });
}
