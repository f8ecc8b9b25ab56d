import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { matchingSourceIds } from '../search/matches.ts';

export interface InitiativeFilters {
  event: string[];
  session: string[];
  workshop: string[];
  country: string[];
  region: string[];
  theme: string[];
  kind: string[];
  q: string;
}

export type FacetName = Exclude<keyof InitiativeFilters, 'q'>;

type Joined = ExpressionBuilder<DB & { i: DB['initiatives']; o: DB['organisations']; w: DB['programme_workshops']; s: DB['programme_sessions'] }, 'i' | 'o' | 'w' | 's'>;

function base(db: Kysely<DB>) {
  return db
    .selectFrom('initiatives as i')
    .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('programme_workshops as w', 'w.id', 'i.workshop_id')
    .leftJoin('programme_sessions as s', 's.id', 'w.session_id');
}

/**
 * The filters with the text query resolved (for exports, and as the SQL definition the archive's
 * in-memory counts are tested against): `text` is a condition on `i`, the initiatives the site
 * search's index finds for `q` (every match, not its ranked few), so totals and counts stay exact.
 */
export interface ArchiveFilters extends InitiativeFilters {
  text: RawBuilder<SqlBool> | null;
}

export async function resolveFilters(db: Kysely<DB>, filters: InitiativeFilters): Promise<ArchiveFilters> {
  if (!filters.q) return { ...filters, text: null };
  const ids = [...new Set(await textMatches(db, filters.q))];
  return { ...filters, text: ids.length ? sql<SqlBool>`i.id = any(${ids}::int[])` : sql<SqlBool>`false` };
}

/**
 * The ids of the initiatives the site search's index finds for `q`, an id once per language that
 * matched; none for a query with nothing searchable in it (punctuation only). As one string: ten
 * thousand ids parse in a millisecond that way, as rows in twenty.
 */
export async function textMatches(db: Kysely<DB>, q: string): Promise<number[]> {
  // The archive is public, as every initiative is: only public index rows are read.
  const matches = await matchingSourceIds(db, { q, kind: 'initiative', visibility: ['public'] });
  if (!matches) return [];
  const { rows } = await sql<{ ids: string | null }>`SELECT string_agg(source_id::text, ',') AS ids FROM (${matches}) m`.execute(db);
  return rows[0]!.ids ? rows[0]!.ids.split(',').map(Number) : [];
}

/** The WHERE of a listing, leaving out one facet (its own counts ignore its selection). */
function conditions(filters: ArchiveFilters, except?: FacetName) {
  return (eb: Joined): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    const use = (name: FacetName) => name !== except && filters[name].length > 0;
    if (use('event')) all.push(eb('i.event_slug', 'in', filters.event));
    if (use('session')) all.push(eb('s.code', 'in', filters.session));
    if (use('workshop')) all.push(eb('w.code', 'in', filters.workshop));
    if (use('country')) all.push(eb('i.country', 'in', filters.country));
    if (use('region')) all.push(eb('i.region', 'in', filters.region));
    if (use('kind')) all.push(eb('o.kind', 'in', filters.kind as never[]));
    if (use('theme')) all.push(sql<SqlBool>`i.themes && ${sql.val(filters.theme)}::text[]`);
    if (filters.text) all.push(filters.text);
    return eb.and(all);
  };
}

export async function countInitiatives(db: Kysely<DB>, filters: ArchiveFilters): Promise<number> {
  const row = await base(db).where(conditions(filters)).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const LISTING_COLUMNS = [
  'i.id', 'i.slug', 'i.code', 'i.kind', 'i.title', 'i.event_slug', 'i.city', 'i.subregion', 'i.country', 'i.region', 'i.latitude', 'i.longitude',
  'i.themes', 'i.sdgs', 'o.name as organisation_name', 'o.slug as organisation_slug', 'o.kind as organisation_kind', 'w.code as workshop_code',
  'w.title as workshop_title', 's.code as session_code',
] as const;

export function listInitiatives(db: Kysely<DB>, filters: ArchiveFilters, page: { limit: number; offset: number }) {
  return base(db)
    .where(conditions(filters))
    .select(LISTING_COLUMNS)
    .orderBy('i.event_slug')
    .orderBy(sql`string_to_array(i.code, '.')::int[]`)
    .orderBy('i.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The listing's rows of these initiatives, in the order of `ids`. */
export async function listInitiativesById(db: Kysely<DB>, ids: number[]) {
  if (!ids.length) return [];
  const rows = await base(db).where('i.id', 'in', ids).select(LISTING_COLUMNS).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Counts per value of one facet, under the other facets' selections. */
export async function facetCounts(db: Kysely<DB>, filters: ArchiveFilters, facet: FacetName): Promise<{ value: string; count: number }[]> {
  const column = {
    event: sql<string>`i.event_slug`,
    session: sql<string>`s.code`,
    workshop: sql<string>`w.code`,
    country: sql<string>`i.country`,
    region: sql<string>`i.region`,
    kind: sql<string>`o.kind`,
    theme: sql<string>`unnest(i.themes)`,
  }[facet];
  // Values are computed in a subquery: a theme facet unnests arrays, which GROUP BY cannot do directly.
  const values = base(db).where(conditions(filters, facet)).select(column.as('value')).as('f');
  const rows = await db.selectFrom(values)
    .select(['f.value', (eb) => eb.fn.countAll<string>().as('count')])
    .where('f.value', 'is not', null)
    .groupBy('f.value')
    .orderBy('count', 'desc')
    .orderBy('f.value')
    .execute();
  return rows.map((row) => ({ value: String(row.value), count: Number(row.count) }));
}

export function findInitiative(db: Kysely<DB>, slug: string) {
  return base(db)
    .leftJoin('programme_days as d', 'd.id', 's.day_id')
    .where('i.slug', '=', slug)
    .selectAll('i')
    .select([
      'o.name as organisation_name', 'o.slug as organisation_slug', 'o.kind as organisation_kind', 'o.website as organisation_website',
      'w.code as workshop_code', 'w.title as workshop_title', 's.code as session_code', 'd.date as day_date',
    ])
    .executeTakeFirst();
}

/** Other initiatives sharing a theme, or the place (same city, else same country). */
export async function relatedInitiatives(db: Kysely<DB>, initiative: { id: number; themes: string[]; city: string | null; country: string | null }) {
  const pick = () => db.selectFrom('initiatives as i').select(['i.slug', 'i.code', 'i.title', 'i.city', 'i.country', 'i.event_slug']).where('i.id', '!=', initiative.id).limit(6);
  const [sameTheme, samePlace] = await Promise.all([
    initiative.themes.length ? pick().where(sql<SqlBool>`i.themes && ${sql.val(initiative.themes)}::text[]`)
      .orderBy(sql`cardinality(array(select unnest(i.themes) intersect select unnest(${sql.val(initiative.themes)}::text[])))`, 'desc').orderBy('i.id').execute() : [],
    initiative.country ? pick().where('i.country', '=', initiative.country)
      .orderBy(sql`(i.city is not distinct from ${initiative.city})`, 'desc').orderBy('i.id').execute() : [],
  ]);
  return { sameTheme, samePlace };
}

/** Every workshop's code and title (codes repeat across events only in theory: the first wins). */
export function listWorkshops(db: Kysely<DB>) {
  return db.selectFrom('programme_workshops').select(['code', 'title']).orderBy('event_slug').orderBy('position').execute();
}

export function listThemes(db: Kysely<DB>) {
  return db.selectFrom('initiative_themes').selectAll().orderBy('position').execute();
}

export function eventSlugs(db: Kysely<DB>) {
  return db.selectFrom('programme_days').select('event_slug').distinct().orderBy('event_slug').execute();
}

/**
 * Every event of the archive (with initiatives or a programme), with its programme's title if any.
 * The initiatives' events are found by skipping from one to the next in the (event, code) index: a
 * few dozen index probes instead of reading every initiative (25 ms at 50,000 of them).
 */
export function archiveEventRows(db: Kysely<DB>) {
  const slugs = sql<{ event_slug: string }>`(
    WITH RECURSIVE skip AS (
      (SELECT event_slug FROM initiatives ORDER BY event_slug LIMIT 1)
      UNION ALL
      SELECT (SELECT i.event_slug FROM initiatives i WHERE i.event_slug > skip.event_slug ORDER BY i.event_slug LIMIT 1) FROM skip WHERE skip.event_slug IS NOT NULL
    )
    SELECT event_slug FROM skip WHERE event_slug IS NOT NULL UNION SELECT event_slug FROM programme_days)`.as('e');
  return db.selectFrom(slugs).leftJoin('programme_events as p', 'p.event_slug', 'e.event_slug')
    .select(['e.event_slug', 'p.title', 'p.starts_on', 'p.ends_on']).orderBy('e.event_slug').execute();
}

export async function programmeOf(db: Kysely<DB>, eventSlug: string) {
  const [event, days, sessions, workshops, items] = await Promise.all([
    db.selectFrom('programme_events').selectAll().where('event_slug', '=', eventSlug).executeTakeFirst(),
    db.selectFrom('programme_days').selectAll().where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('programme_sessions').selectAll().where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('programme_workshops').selectAll().where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('initiatives as i').leftJoin('organisations as o', 'o.id', 'i.organisation_id')
      .select(['i.slug', 'i.code', 'i.kind', 'i.title', 'i.workshop_id', 'i.city', 'i.country', 'o.name as organisation_name'])
      .where('i.event_slug', '=', eventSlug).orderBy(sql`string_to_array(i.code, '.')::int[]`).execute(),
  ]);
  return { event: event ?? null, days, sessions, workshops, items };
}

/** Points for the map: initiatives with coordinates, read from their own table only (no joins). */
export function initiativePoints(db: Kysely<DB>, filters: Pick<InitiativeFilters, 'event' | 'country' | 'region' | 'theme'>, lang: Lang) {
  // The title in the reader's language, else the original, else en/fr/es/ko (as `pick` does), chosen
  // in SQL: at tens of thousands of points, parsing every translation in Node is the main cost.
  const title = sql<string>`coalesce(nullif(i.title->${lang}->>'text', ''),
    (select e.value->>'text' from jsonb_each(i.title) e where e.value->>'status' = 'original' limit 1),
    i.title->'en'->>'text', i.title->'fr'->>'text', i.title->'es'->>'text', i.title->'ko'->>'text', '')`;
  let query = db.selectFrom('initiatives as i').where('i.latitude', 'is not', null).where('i.longitude', 'is not', null)
    .select(['i.slug', 'i.code', title.as('title'), 'i.city', 'i.country', 'i.latitude', 'i.longitude']);
  if (filters.event.length) query = query.where('i.event_slug', 'in', filters.event);
  if (filters.country.length) query = query.where('i.country', 'in', filters.country);
  if (filters.region.length) query = query.where('i.region', 'in', filters.region);
  if (filters.theme.length) query = query.where(sql<SqlBool>`i.themes && ${sql.val(filters.theme)}::text[]`);
  return query.execute();
}

export function organisationPoints(db: Kysely<DB>, filters: { country: string[]; region: string[]; kind: string[] }) {
  let query = db.selectFrom('organisations as o').where('o.latitude', 'is not', null).where('o.longitude', 'is not', null)
    .select(['o.slug', 'o.name', 'o.city', 'o.country', 'o.latitude', 'o.longitude']);
  if (filters.country.length) query = query.where('o.country', 'in', filters.country);
  if (filters.region.length) query = query.where('o.region', 'in', filters.region);
  if (filters.kind.length) query = query.where('o.kind', 'in', filters.kind as never[]);
  return query.execute();
}

/** Countries where the map has something to show (initiatives or organisations with coordinates). */
export async function mapCountries(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('initiatives').select('country').where('country', 'is not', null).where('latitude', 'is not', null)
    .union(db.selectFrom('organisations').select('country').where('country', 'is not', null).where('latitude', 'is not', null))
    .execute();
  return rows.map((row) => row.country!.trim());
}
