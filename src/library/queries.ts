import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface LibraryFilters {
  type: string[];
  language: string[];
  year: string[];
  theme: string[];
  q: string;
}
export const FACETS = ['type', 'language', 'year', 'theme'] as const;
export type FacetName = (typeof FACETS)[number];

/** The conditions of a listing, each facet's own left out when counting that facet. */
function conditions(filters: LibraryFilters, membersToo: boolean, without?: FacetName): Expression<SqlBool>[] {
  const all: Expression<SqlBool>[] = [];
  if (!membersToo) all.push(sql<SqlBool>`r.visibility = 'public'`);
  if (without !== 'type' && filters.type.length) all.push(sql<SqlBool>`r.type = any(${filters.type})`);
  if (without !== 'language' && filters.language.length) all.push(sql<SqlBool>`r.languages && ${filters.language}::text[]`);
  if (without !== 'theme' && filters.theme.length) all.push(sql<SqlBool>`r.themes && ${filters.theme}::text[]`);
  if (without !== 'year' && filters.year.length) {
    all.push(sql<SqlBool>`extract(year from r.published_on)::int = any(${filters.year.map(Number).filter(Number.isInteger)}::int[])`);
  }
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    all.push(sql<SqlBool>`unaccent_lower(${TEXTS_OF_ROW}) like unaccent_lower(${pattern})`);
  }
  return all;
}

// The texts themselves (not the jsonb keys such as "status"), in every language, and the authors.
const TEXTS_OF_ROW = sql`coalesce((select string_agg(e.value->>'text', ' ') from jsonb_each(r.title) e), '') || ' ' ||
  coalesce((select string_agg(e.value->>'text', ' ') from jsonb_each(r.summary) e), '') || ' ' || array_to_string(r.authors, ' ')`;

const where = (list: Expression<SqlBool>[]) => (list.length ? sql`where ${sql.join(list, sql` and `)}` : sql``);

export async function listResources(db: Db, filters: LibraryFilters, membersToo: boolean, page: { limit: number; offset: number }) {
  const rows = await sql<ResourceRow>`
    select ${rowColumns} from resources r ${where(conditions(filters, membersToo))}
    order by r.published_on desc nulls last, r.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows.rows;
}

export async function countResources(db: Db, filters: LibraryFilters, membersToo: boolean): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from resources r ${where(conditions(filters, membersToo))}`.execute(db);
  return rows[0]?.n ?? 0;
}

const FACET_VALUE = {
  type: sql`r.type`,
  language: sql`unnest(r.languages)`,
  theme: sql`unnest(r.themes)`,
  year: sql`extract(year from r.published_on)::int::text`,
} as const;

/** Each facet's values with their counts under the other facets' selections. */
export async function facetCounts(db: Db, filters: LibraryFilters, membersToo: boolean) {
  const entries = await Promise.all(
    FACETS.map(async (facet) => {
      const { rows } = await sql<{ value: string | null; count: number }>`
        select value, count(*)::int as count from (select ${FACET_VALUE[facet]} as value from resources r ${where(conditions(filters, membersToo, facet))}) v
        where value is not null group by value order by count desc, value`.execute(db);
      return [facet, rows.map((row) => ({ value: row.value as string, count: row.count }))] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<FacetName, { value: string; count: number }[]>;
}

const rowColumns = sql`r.id, r.slug, r.type, r.title, r.summary, r.languages, r.published_on, r.date_precision, r.authors, r.themes,
  r.visibility, r.external_url, r.activity_id, r.member_id, r.initiative_id, r.updated_at`;

export interface ResourceRow {
  id: number;
  slug: string;
  type: string;
  title: DB['resources']['title']['__select__'];
  summary: DB['resources']['summary']['__select__'];
  languages: string[];
  published_on: string | null;
  date_precision: 'day' | 'month' | 'year';
  authors: string[];
  themes: string[];
  visibility: 'public' | 'members';
  external_url: string | null;
  activity_id: number | null;
  member_id: number | null;
  initiative_id: number | null;
  updated_at: Date;
}

export async function resourceBySlug(db: Db, slug: string): Promise<ResourceRow | undefined> {
  const { rows } = await sql<ResourceRow>`select ${rowColumns} from resources r where r.slug = ${slug}`.execute(db);
  return rows[0];
}

export async function resourcesByIds(db: Db, ids?: number[]): Promise<ResourceRow[]> {
  if (ids && ids.length === 0) return [];
  const { rows } = await sql<ResourceRow>`select ${rowColumns} from resources r ${ids ? sql`where r.id = any(${ids}::int[])` : sql``} order by r.id`.execute(db);
  return rows;
}

export function filesOf(db: Db, resourceIds: number[]) {
  if (resourceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('resource_files')
    .select(['id', 'resource_id', 'file_name', 'mime', 'size', 'lang', 'extraction', 'extraction_error', 'extracted_at', 'downloads', 'created_at'])
    .where('resource_id', 'in', resourceIds)
    .orderBy('id')
    .execute();
}

export function extractedTextsOf(db: Db, resourceIds: number[]) {
  if (resourceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('resource_files')
    .select(['resource_id', 'lang', 'extracted_text'])
    .where('resource_id', 'in', resourceIds)
    .where('extraction', '=', 'done')
    .where('extracted_text', 'is not', null)
    .orderBy('id')
    .execute();
}

export function publishersOf(db: Db, resourceIds: number[]) {
  if (resourceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('resource_publishers as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.resource_id', 'o.id', 'o.slug', 'o.name'])
    .where('p.resource_id', 'in', resourceIds)
    .orderBy('p.resource_id')
    .orderBy('p.position')
    .execute();
}

/** The activity, member and initiative a resource points at: slug and title, for links. */
export async function relatedOf(db: Db, row: Pick<ResourceRow, 'activity_id' | 'member_id' | 'initiative_id'>) {
  const [activity, member, initiative] = await Promise.all([
    row.activity_id ? db.selectFrom('activities').select(['slug', 'title']).where('id', '=', row.activity_id).executeTakeFirst() : undefined,
    row.member_id
      ? db.selectFrom('members as m').innerJoin('organisations as o', 'o.id', 'm.organisation_id').select(['m.slug', 'o.name as title']).where('m.id', '=', row.member_id).executeTakeFirst()
      : undefined,
    row.initiative_id ? db.selectFrom('initiatives').select(['slug', 'title']).where('id', '=', row.initiative_id).executeTakeFirst() : undefined,
  ]);
  return { activity: activity ?? null, member: member ?? null, initiative: initiative ?? null };
}

/** Ids of the activity, member and initiative named by slug; a slug that names nothing is reported. */
export async function idsOfRelated(db: Db, slugs: { activity: string; member: string; initiative: string }) {
  const [activity, member, initiative] = await Promise.all([
    slugs.activity ? db.selectFrom('activities').select('id').where('slug', '=', slugs.activity).executeTakeFirst() : null,
    slugs.member ? db.selectFrom('members').select('id').where('slug', '=', slugs.member).executeTakeFirst() : null,
    slugs.initiative ? db.selectFrom('initiatives').select('id').where('slug', '=', slugs.initiative).executeTakeFirst() : null,
  ]);
  return {
    activity: activity === null ? null : (activity?.id ?? undefined),
    member: member === null ? null : (member?.id ?? undefined),
    initiative: initiative === null ? null : (initiative?.id ?? undefined),
  };
}

export async function slugsOfRelated(db: Db, row: Pick<ResourceRow, 'activity_id' | 'member_id' | 'initiative_id'>) {
  const related = await relatedOf(db, row);
  return { activity: related.activity?.slug ?? '', member: related.member?.slug ?? '', initiative: related.initiative?.slug ?? '' };
}

export function fileById(db: Db, id: number) {
  return db
    .selectFrom('resource_files as f')
    .innerJoin('resources as r', 'r.id', 'f.resource_id')
    .select(['f.id', 'f.resource_id', 'f.file_key', 'f.file_name', 'f.mime', 'f.size', 'f.lang', 'f.extraction', 'r.visibility', 'r.slug'])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export async function countDownload(db: Db, id: number): Promise<void> {
  // One statement: concurrent downloads each add one, none is lost.
  await db.updateTable('resource_files').set({ downloads: sql`downloads + 1` }).where('id', '=', id).execute();
}

export function allResourcesForAdmin(db: Db) {
  return db
    .selectFrom('resources as r')
    .leftJoin('resource_files as f', 'f.resource_id', 'r.id')
    .select(['r.id', 'r.slug', 'r.type', 'r.title', 'r.visibility', 'r.published_on', 'r.date_precision'])
    .select((eb) => [eb.fn.count<number>('f.id').as('files'), sql<number>`count(*) filter (where f.extraction = 'pending')::int`.as('pending')])
    .groupBy('r.id')
    .orderBy('r.published_on', sql`desc nulls last`)
    .orderBy('r.id', 'desc')
    .execute();
}
