import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { PLACE_KEY_SQL, placesMatching } from '../places/place-names.ts';

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

/** The text query: a substring of an initiative's texts or of its organisation's name. */
function queryCondition(q: string): RawBuilder<SqlBool> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Both sides use the trigram indexes of migration 0310 (initiative text; organisation names).
  // Each as `= any(array(…))`, an init plan run once on its own, so that PostgreSQL uses the index:
  // as `in (…)` beside the other conditions it was planned as a hashed subplan over a sequential
  // scan, evaluating the (slow) unaccenting function on every row, twice per archive page.
  return sql<SqlBool>`(i.id = any(array(select x.id from initiatives x where initiative_search_text(x.title, x.summary, x.city, x.presenters) like unaccent_lower(${pattern})))
    or i.organisation_id = any(array(select y.id from organisations y where unaccent_lower(y.name::text) like unaccent_lower(${pattern})))${placeCondition(q)})`;
}

/**
 * The place named in any language: "카트만두" or "Kathmandu" finds the initiatives whose city is
 * stored as "Katmandou", "Népal" those in NP (places/place-names.ts knows the names).
 */
function placeCondition(q: string): RawBuilder<unknown> {
  const { cities, countries } = placesMatching(q);
  const parts = cities.map(({ country, keys }) => sql`(i.country = ${country} and ${sql.raw(PLACE_KEY_SQL('i.city'))} = any(${sql.val(keys)}::text[]))`);
  if (countries.length > 0) parts.push(sql`i.country = any(${sql.val(countries)}::text[])`);
  return parts.length === 0 ? sql`` : sql` or ${sql.join(parts, sql` or `)}`;
}

/** The WHERE of a listing, leaving out one facet (its own counts ignore its selection). */
function conditions(filters: InitiativeFilters, except?: FacetName) {
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
    if (filters.q) all.push(queryCondition(filters.q));
    return eb.and(all);
  };
}

export async function countInitiatives(db: Kysely<DB>, filters: InitiativeFilters): Promise<number> {
  const row = await base(db).where(conditions(filters)).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listInitiatives(db: Kysely<DB>, filters: InitiativeFilters, page: { limit: number; offset: number }) {
  return base(db)
    .where(conditions(filters))
    .select([
      'i.slug', 'i.code', 'i.kind', 'i.title', 'i.event_slug', 'i.city', 'i.subregion', 'i.country', 'i.region', 'i.latitude', 'i.longitude',
      'i.themes', 'i.sdgs', 'o.name as organisation_name', 'o.slug as organisation_slug', 'o.kind as organisation_kind', 'w.code as workshop_code',
      'w.title as workshop_title', 's.code as session_code',
    ])
    .orderBy('i.event_slug')
    .orderBy(sql`string_to_array(i.code, '.')::int[]`)
    .orderBy('i.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Counts per value of one facet, under the other facets' selections. */
export async function facetCounts(db: Kysely<DB>, filters: InitiativeFilters, facet: FacetName): Promise<{ value: string; count: number }[]> {
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

/** Each facet's value column and its condition, as SQL over the joined `i`, `o`, `w`, `s`. */
const FACET_SQL: Record<FacetName, { value: RawBuilder<unknown>; test: (values: string[]) => RawBuilder<SqlBool> }> = {
  event: { value: sql`i.event_slug`, test: (values) => sql<SqlBool>`i.event_slug = any(${sql.val(values)}::text[])` },
  session: { value: sql`s.code`, test: (values) => sql<SqlBool>`s.code = any(${sql.val(values)}::text[])` },
  workshop: { value: sql`w.code`, test: (values) => sql<SqlBool>`w.code = any(${sql.val(values)}::text[])` },
  country: { value: sql`i.country`, test: (values) => sql<SqlBool>`i.country = any(${sql.val(values)}::text[])` },
  region: { value: sql`i.region`, test: (values) => sql<SqlBool>`i.region = any(${sql.val(values)}::text[])` },
  kind: { value: sql`o.kind`, test: (values) => sql<SqlBool>`o.kind::text = any(${sql.val(values)}::text[])` },
  theme: { value: sql`i.themes`, test: (values) => sql<SqlBool>`i.themes && ${sql.val(values)}::text[]` },
};

/**
 * The archive's total and every facet's counts in one statement, instead of one query each: the
 * page held eight of the pool's ten connections at once, so under load its queries queued behind
 * each other's. The rows that pass every condition but at most one are read once, with a flag per
 * facet condition; each facet counts the rows passing all the others. Same answers as
 * `countInitiatives` and `facetCounts`, same order (count, then value as PostgreSQL sorts it).
 */
export async function archiveCounts(db: Kysely<DB>, filters: InitiativeFilters, facets: readonly FacetName[]) {
  const used = facets.filter((facet) => filters[facet].length > 0);
  const flag = (facet: FacetName) => (used.includes(facet) ? sql<SqlBool>`coalesce(${FACET_SQL[facet].test(filters[facet])}, false)` : sql<SqlBool>`true`);
  const passing = (except?: FacetName) => sql.join(facets.filter((facet) => facet !== except).map((facet) => sql`m_${sql.raw(facet)}`), sql` and `);
  const failures = used.length > 1 ? sql.join(used.map((facet) => sql`(not ${flag(facet)})::int`), sql` + `) : sql`0`;
  const text = filters.q ? queryCondition(filters.q) : sql<SqlBool>`true`;
  const branch = (facet: FacetName) => facet === 'theme'
    ? sql`select 'theme' as facet, t as value, count(*) as count, row_number() over (order by count(*) desc, t) as ord
          from c, unnest(c.v_theme) t where ${passing(facet)} group by t`
    : sql`select ${sql.lit(facet)} as facet, v_${sql.raw(facet)}::text as value, count(*) as count, row_number() over (order by count(*) desc, v_${sql.raw(facet)}) as ord
          from c where ${passing(facet)} and v_${sql.raw(facet)} is not null group by v_${sql.raw(facet)}`;
  const result = await sql<{ facet: string; value: string | null; count: string }>`
    with c as materialized (
      select ${sql.join(facets.map((facet) => sql`${FACET_SQL[facet].value} as v_${sql.raw(facet)}, ${flag(facet)} as m_${sql.raw(facet)}`))}
      from initiatives i
      left join organisations o on o.id = i.organisation_id
      left join programme_workshops w on w.id = i.workshop_id
      left join programme_sessions s on s.id = w.session_id
      where ${text} and ${failures} <= 1)
    select 'total' as facet, null as value, count(*) as count, 0 as ord from c where ${passing()}
    ${sql.join(facets.map((facet) => sql`union all ${branch(facet)}`), sql` `)}
    order by facet, ord`.execute(db);
  const counts = Object.fromEntries(facets.map((facet) => [facet, [] as { value: string; count: number }[]])) as Record<FacetName, { value: string; count: number }[]>;
  let total = 0;
  for (const row of result.rows) {
    if (row.facet === 'total') total = Number(row.count);
    else counts[row.facet as FacetName].push({ value: String(row.value), count: Number(row.count) });
  }
  return { total, facets: counts };
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

/** Every event of the archive (with initiatives or a programme), with its programme's title if any. */
export function archiveEventRows(db: Kysely<DB>) {
  const slugs = db.selectFrom('initiatives').select('event_slug').union(db.selectFrom('programme_days').select('event_slug')).as('e');
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
