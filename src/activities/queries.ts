import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Translatable } from '../i18n/translatable.ts';
import type { DatePrecision } from './dates.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ActivityFilter {
  types?: string[];
  regions?: string[];
  years?: number[];
  themes?: string[];
  series?: string[];
  q?: string;
  /** Only activities themselves (no sub-events: the sessions of a forum, the webinars of a series). */
  topLevel?: boolean;
  /** Events still running on or after this day. */
  endingFrom?: string;
  /** Events overlapping [from, to] (inclusive days). */
  overlaps?: { from: string; to: string };
  /** Only these date precisions (a month view or an iCalendar feed leaves out year-only dates). */
  precisions?: DatePrecision[];
}

export type FacetName = 'type' | 'region' | 'year' | 'theme' | 'series';

/** The last day an event covers: its end day, or the last day of its end month or year. */
const lastDaySql = sql<string>`(case a.date_precision when 'month' then (a.end_date + interval '1 month' - interval '1 day')::date
  when 'year' then (a.end_date + interval '1 year' - interval '1 day')::date else a.end_date end)`;

function conditions(filter: ActivityFilter, except?: FacetName): Expression<SqlBool>[] {
  const list: Expression<SqlBool>[] = [];
  if (filter.topLevel) list.push(sql<SqlBool>`a.parent_id is null`);
  if (filter.types?.length && except !== 'type') list.push(sql<SqlBool>`a.type in (${sql.join(filter.types)})`);
  if (filter.regions?.length && except !== 'region') list.push(sql<SqlBool>`a.region in (${sql.join(filter.regions)})`);
  if (filter.years?.length && except !== 'year') list.push(sql<SqlBool>`extract(year from a.start_date)::int in (${sql.join(filter.years)})`);
  if (filter.themes?.length && except !== 'theme') list.push(sql<SqlBool>`a.themes && ${sql.val(filter.themes)}::text[]`);
  if (filter.series?.length && except !== 'series') list.push(sql<SqlBool>`s.slug in (${sql.join(filter.series)})`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    list.push(sql<SqlBool>`(a.title::text ilike ${pattern} or a.summary::text ilike ${pattern} or coalesce(a.city, '') ilike ${pattern})`);
  }
  if (filter.endingFrom) list.push(sql<SqlBool>`${lastDaySql} >= ${filter.endingFrom}::date`);
  if (filter.precisions?.length) list.push(sql<SqlBool>`a.date_precision in (${sql.join(filter.precisions)})`);
  if (filter.overlaps) list.push(sql<SqlBool>`a.start_date <= ${filter.overlaps.to}::date and ${lastDaySql} >= ${filter.overlaps.from}::date`);
  return list;
}

function base(db: Db, filter: ActivityFilter, except?: FacetName) {
  const where = conditions(filter, except);
  let query = db.selectFrom('activities as a').leftJoin('activity_series as s', 's.id', 'a.series_id');
  for (const condition of where) query = query.where(sql<SqlBool>`(${condition})`);
  return query;
}

function withColumns<O>(query: SelectQueryBuilder<DB & { a: DB['activities']; s: DB['activity_series'] }, 'a' | 's', O>) {
  return query
    .selectAll('a')
    .select(['s.slug as series_slug', 's.title as series_title'])
    .select(sql<string | null>`(select p.slug from activities p where p.id = a.parent_id)`.as('parent_slug'))
    .select(sql<Translatable | null>`(select p.title from activities p where p.id = a.parent_id)`.as('parent_title'));
}

export function listActivities(db: Db, filter: ActivityFilter, page: { limit: number; offset: number }, order: 'asc' | 'desc' = 'desc') {
  return withColumns(base(db, filter) as never)
    .orderBy('a.start_date', order)
    .orderBy('a.id', order)
    .limit(page.limit)
    .offset(page.offset)
    .execute() as Promise<ActivityListRow[]>;
}

export interface ActivityListRow {
  id: number; slug: string; uid: string; sequence: number; type: string; parent_id: number | null; series_id: number | null;
  edition: number | null; title: Translatable; summary: Translatable; body: Translatable;
  start_date: string; end_date: string; date_precision: DatePrecision; tentative: boolean;
  format: 'online' | 'in-person' | 'hybrid'; city: string | null; country: string | null; region: string | null;
  venue: string | null; participants: number | null; countries_count: number | null; themes: string[]; speakers: string[];
  registration_open: boolean; capacity: number | null; waiting_list: boolean; registration_closes: string | null;
  photo_image_id: number | null;
  created_at: Date; updated_at: Date; series_slug: string | null; series_title: Translatable | null; parent_slug: string | null; parent_title: Translatable | null;
}

export async function countActivities(db: Db, filter: ActivityFilter): Promise<number> {
  const row = await base(db, filter).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Counts per value of one facet, with every other filter applied (so a reader sees what a click would give). */
export async function facetCounts(db: Db, filter: ActivityFilter, facet: FacetName): Promise<{ value: string; count: number }[]> {
  const key =
    facet === 'type' ? sql<string>`a.type`
    : facet === 'region' ? sql<string>`a.region`
    : facet === 'year' ? sql<string>`extract(year from a.start_date)::int::text`
    : facet === 'series' ? sql<string>`s.slug`
    : sql<string>`unnest(a.themes)`;
  const rows = await base(db, filter, facet)
    .select([key.as('value'), sql<string>`count(*)`.as('count')])
    .groupBy(sql`1`)
    .execute();
  return rows.filter((row) => row.value !== null).map((row) => ({ value: row.value, count: Number(row.count) }));
}

const FACET_VALUES: Record<FacetName, RawBuilder<unknown>> = {
  type: sql`a.type`,
  region: sql`a.region`,
  year: sql`extract(year from a.start_date)::int::text`,
  theme: sql`a.themes`,
  series: sql`s.slug`,
};
const FACET_FILTERS: Record<FacetName, keyof ActivityFilter> = { type: 'types', region: 'regions', year: 'years', theme: 'themes', series: 'series' };

/**
 * The listing's total and every facet's counts in one statement rather than six queries (which held
 * six of the pool's ten connections per page under load): the rows failing at most one facet's
 * condition are read once, with a flag per facet; each facet counts the rows passing the others.
 * Same counts as `countActivities` and `facetCounts`.
 */
export async function activityCounts(db: Db, filter: ActivityFilter, facets: readonly FacetName[]) {
  const fixed: ActivityFilter = { ...filter, types: undefined, regions: undefined, years: undefined, themes: undefined, series: undefined };
  const used = facets.filter((facet) => (filter[FACET_FILTERS[facet]] as unknown[] | undefined)?.length);
  const own = (facet: FacetName) => conditions({ [FACET_FILTERS[facet]]: filter[FACET_FILTERS[facet]] } as ActivityFilter)[0]!;
  const flag = (facet: FacetName) => (used.includes(facet) ? sql<SqlBool>`coalesce(${own(facet)}, false)` : sql<SqlBool>`true`);
  const passing = (except?: FacetName) => sql.join(facets.filter((facet) => facet !== except).map((facet) => sql`m_${sql.raw(facet)}`), sql` and `);
  const failures = used.length > 1 ? sql.join(used.map((facet) => sql`(not ${flag(facet)})::int`), sql` + `) : sql`0`;
  const where = conditions(fixed);
  const branch = (facet: FacetName) => facet === 'theme'
    ? sql`select 'theme' as facet, t as value, count(*) as count from c, unnest(c.v_theme) t where ${passing(facet)} group by t`
    : sql`select ${sql.lit(facet)} as facet, v_${sql.raw(facet)}::text as value, count(*) as count from c where ${passing(facet)} and v_${sql.raw(facet)} is not null group by v_${sql.raw(facet)}`;
  const result = await sql<{ facet: string; value: string | null; count: string }>`
    with c as materialized (
      select ${sql.join(facets.map((facet) => sql`${FACET_VALUES[facet]} as v_${sql.raw(facet)}, ${flag(facet)} as m_${sql.raw(facet)}`))}
      from activities a left join activity_series s on s.id = a.series_id
      where ${where.length ? sql.join(where.map((condition) => sql`(${condition})`), sql` and `) : sql`true`} and ${failures} <= 1)
    select 'total' as facet, null as value, count(*) as count from c where ${passing()}
    ${sql.join(facets.map((facet) => sql`union all ${branch(facet)}`), sql` `)}`.execute(db);
  const counts = Object.fromEntries(facets.map((facet) => [facet, [] as { value: string; count: number }[]])) as Record<FacetName, { value: string; count: number }[]>;
  let total = 0;
  for (const row of result.rows) {
    if (row.facet === 'total') total = Number(row.count);
    else counts[row.facet as FacetName].push({ value: String(row.value), count: Number(row.count) });
  }
  return { total, facets: counts };
}

/** The titles of the activities with these slugs (an archive names its event after one). */
export function activityTitles(db: Db, slugs: string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db.selectFrom('activities').select(['slug', 'title', 'start_date', 'end_date']).where('slug', 'in', slugs).execute();
}

export function getActivity(db: Db, slug: string) {
  return withColumns(base(db, {}).where('a.slug', '=', slug) as never).executeTakeFirst() as Promise<ActivityListRow | undefined>;
}

export function listChildren(db: Db, parentIds: number[]) {
  if (parentIds.length === 0) return Promise.resolve([] as ActivityListRow[]);
  return withColumns(base(db, {}).where('a.parent_id', 'in', parentIds) as never)
    .orderBy('a.start_date')
    .orderBy('a.id')
    .execute() as Promise<ActivityListRow[]>;
}

export function listOrganisations(db: Db, activityIds: number[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_organisations as ao')
    .innerJoin('organisations as o', 'o.id', 'ao.organisation_id')
    .select(['ao.activity_id', 'ao.organisation_id', 'ao.role', 'o.slug', 'o.name', 'o.city', 'o.country', 'o.website'])
    .where('ao.activity_id', 'in', activityIds)
    .orderBy('ao.activity_id')
    .orderBy('ao.role')
    .orderBy('ao.position')
    .execute();
}

export function listResources(db: Db, activityId: number) {
  return db.selectFrom('activity_resources').selectAll().where('activity_id', '=', activityId).orderBy('position').execute();
}

/** Explicit relations both ways, then the other editions of the same series. */
export function listRelated(db: Db, activity: { id: number; series_id: number | null }, limit = 8) {
  return withColumns(
    base(db, {}).where((eb) =>
      eb.and([
        eb('a.id', '<>', activity.id),
        eb.or([
          eb('a.id', 'in', eb.selectFrom('activity_relations').select('related_id').where('activity_id', '=', activity.id)),
          eb('a.id', 'in', eb.selectFrom('activity_relations').select('activity_id').where('related_id', '=', activity.id)),
          ...(activity.series_id ? [eb('a.series_id', '=', activity.series_id)] : []),
        ]),
      ]),
    ) as never,
  )
    .orderBy('a.start_date')
    .limit(limit)
    .execute() as Promise<ActivityListRow[]>;
}

export function getSeries(db: Db, slug: string) {
  return db.selectFrom('activity_series').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listSeries(db: Db) {
  return db.selectFrom('activity_series').selectAll().orderBy('position').orderBy('id').execute();
}

export function listEditions(db: Db, seriesId: number) {
  return withColumns(base(db, {}).where('a.series_id', '=', seriesId) as never)
    .orderBy('a.edition')
    .orderBy('a.start_date')
    .execute() as Promise<ActivityListRow[]>;
}

export { lastDaySql };
