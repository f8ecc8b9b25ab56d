import { sql, type Kysely, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';
import { reindexSearch } from '../search/indexer.ts';
import { reindexOrganisationInitiatives } from './search-source.ts';
import { compileQuery, parseQuery } from '../search/query.ts';
import { cleanFilters, FACETS, initiativeArchive } from './domain.ts';
import { countInitiatives, facetCounts, resolveFilters, type ArchiveFilters, type FacetName } from './queries.ts';

/**
 * The archive's text query goes through the site search's index (issue 19). Its totals and facet
 * counts must stay exact: they are checked against counts made here from the initiatives' rows,
 * and, for words both engines read the same way, against the substring query the archive had before.
 */
let database: Database;
let db: Kysely<DB>;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  // The seed's initiatives are in French and English: one in Spanish and one in Korean besides.
  const template = await db.selectFrom('initiatives').selectAll().where('country', '=', 'KR').orderBy('id').executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const [n, lang, title] of [[1, 'es', 'Huertos cooperativos de Medellín'], [2, 'ko', '마을 협동조합 네트워크']] as const) {
    const { id } = await db.insertInto('initiatives').values({
      slug: `archive-search-${n}`, event_slug: template.event_slug, dedup_key: `archive search ${n}`, code: `99.${n}`, kind: 'initiative',
      title: JSON.stringify(translated(lang, { [lang]: title })), country: lang === 'es' ? 'CO' : 'KR', region: lang === 'es' ? 'latin-america-caribbean' : 'asia-pacific',
      city: lang === 'es' ? 'Medellín' : 'Seoul', themes: ['finance'], workshop_id: template.workshop_id, summary: null, organisation_id: null,
      subregion: null, latitude: null, longitude: null, presenters: '[]', source_line: null, created_at: new Date(), updated_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(id);
  }
  await reindexSearch(db, 'initiative', ids);
});
afterAll(() => database.close());

/** The total and counts the archive page shows (counted in memory over the site search's matches). */
async function shown(input: Parameters<typeof cleanFilters>[0]) {
  const { total, facets } = await initiativeArchive(db, cleanFilters(input), { limit: 1, offset: 0 });
  return { total, facets };
}

/** The same in SQL, for any text condition. */
async function bySql(filters: ArchiveFilters) {
  const facets = Object.fromEntries(await Promise.all(FACETS.map(async (facet) => [facet, await facetCounts(db, filters, facet)] as const)));
  return { total: await countInitiatives(db, filters), facets };
}

/** The archive's text query before issue 19: a substring of the texts or of the organisation's name. */
function substring(q: string) {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`(i.id in (select x.id from initiatives x where initiative_search_text(x.title, x.summary, x.city, x.presenters) like unaccent_lower(${pattern}))
    or i.organisation_id in (select y.id from organisations y where unaccent_lower(y.name::text) like unaccent_lower(${pattern})))`;
}

interface Row { id: number; values: Record<FacetName, string[]> }

/** Every initiative with its facet values, read plainly: the ground the counts are checked against. */
async function allRows(): Promise<Row[]> {
  const rows = await db.selectFrom('initiatives as i')
    .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('programme_workshops as w', 'w.id', 'i.workshop_id')
    .leftJoin('programme_sessions as s', 's.id', 'w.session_id')
    .select(['i.id', 'i.event_slug', 's.code as session', 'w.code as workshop', 'i.country', 'i.region', 'i.themes', 'o.kind']).execute();
  const list = (value: string | null) => (value === null ? [] : [value.trim()]);
  return rows.map((row) => ({
    id: row.id,
    values: { event: [row.event_slug], session: list(row.session), workshop: list(row.workshop), country: list(row.country), region: list(row.region), theme: row.themes, kind: list(row.kind) },
  }));
}

/** The ids of the initiatives whose index texts match the whole query, tested row by row (not through the GIN index). */
async function matchedIds(q: string): Promise<Set<number>> {
  const compiled = await compileQuery(db, parseQuery(q, { prefix: true }));
  const { rows } = await sql<{ source_id: number }>`SELECT DISTINCT d.source_id FROM search_documents d JOIN search_texts t ON t.document_id = d.id
    WHERE d.kind = 'initiative' AND d.visibility = 'public' AND t.tsv @@ ${compiled!.text}::tsquery`.execute(db);
  return new Set(rows.map((row) => row.source_id));
}

/** Total and each facet's counts, each facet under the other facets' selections, counted in TypeScript. */
function countFromRows(rows: Row[], filters: ArchiveFilters) {
  const passes = (row: Row, facet: FacetName) => !filters[facet].length || row.values[facet].some((value) => filters[facet].includes(value));
  const facets = Object.fromEntries(FACETS.map((facet) => {
    const counts = new Map<string, number>();
    for (const row of rows.filter((candidate) => FACETS.every((other) => other === facet || passes(candidate, other)))) {
      for (const value of row.values[facet]) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [facet, [...counts].map(([value, count]) => ({ value, count }))];
  }));
  return { total: rows.filter((row) => FACETS.every((facet) => passes(row, facet))).length, facets };
}

const byValue = (list: { value: string; count: number }[]) => [...list].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

const QUERIES: [string, Record<string, string[]>][] = [
  ['mondragon', {}],
  ['coopérative', {}],
  ['cooperative', { country: ['ES'] }],
  ['économie sociale', { region: ['europe'] }],
  ['social economy', { theme: ['finance', 'public-policy'] }],
  ['economía social', {}],
  ['협동조합', {}],
  ['gouvernance', { kind: ['local_government'], country: ['ES', 'KR'] }],
  ['Bilbao', {}],
];

describe('the archive text query through the site search index', () => {
  it.each(QUERIES)('counts exactly what the rows say: %s %j', async (q, selected) => {
    const filters = await resolveFilters(db, cleanFilters({ ...selected, q }));
    const matched = await matchedIds(q);
    const expected = countFromRows((await allRows()).filter((row) => matched.has(row.id)), filters);
    const archive = await shown({ ...selected, q });
    expect(archive.total).toBe(expected.total);
    expect(await countInitiatives(db, filters)).toBe(expected.total);
    for (const facet of FACETS) expect(byValue(archive.facets[facet]), facet).toEqual(byValue(expected.facets[facet]!));
    // Something is compared: every query finds initiatives before its facets narrow them.
    expect(matched.size, q).toBeGreaterThan(0);
  });

  it.each(['mondragon', 'Bilbao', 'Goiener', 'Liverpool', 'Tokyo'])('gives what the substring query gave for a whole word: %s', async (q) => {
    for (const selected of [{}, { country: ['ES'] }, { theme: ['finance'] }]) {
      const now = await shown({ ...selected, q });
      const before = await bySql({ ...cleanFilters(selected), text: substring(q) });
      expect(now, `${q} ${JSON.stringify(selected)}`).toEqual(before);
    }
    expect((await bySql({ ...cleanFilters({}), text: substring(q) })).total).toBeGreaterThan(0);
  });

  it('finds across languages, as the site search does', async () => {
    const titles = async (q: string) => (await initiativeArchive(db, cleanFilters({ q }), { limit: 200, offset: 0 })).rows.map((row) => JSON.stringify(row.title));
    // The Spanish and the Korean initiative, and French ones, for one concept asked in any language.
    for (const q of ['cooperativa', 'coopérative', '협동조합']) {
      const found = await titles(q);
      expect(found.some((title) => title.includes('Huertos cooperativos')), q).toBe(true);
      expect(found.some((title) => title.includes('마을 협동조합')), q).toBe(true);
      expect(found.some((title) => title.includes('Gouvernance coopérative')), q).toBe(true);
    }
    // A place in another language (the index holds every language's name of the city and country).
    expect((await titles('Medellin')).some((title) => title.includes('Huertos'))).toBe(true);
    // An unfinished last word, as typed in the filter box.
    expect((await titles('Mondrag')).length).toBe((await titles('Mondragón')).length);
  });

  it('finds nothing for a query with nothing searchable, and only initiatives', async () => {
    expect((await shown({ q: '«»—' })).total).toBe(0);
    // A member of the seed whose name no initiative holds is found by the site search, not by the archive.
    const member = await sql<{ names: string }>`SELECT names FROM search_documents WHERE kind = 'member' ORDER BY id LIMIT 1`.execute(db);
    expect(member.rows).toHaveLength(1);
    const word = 'zyxwvutsrq';
    await sql`UPDATE search_texts SET tsv = tsv || to_tsvector('simple', ${word}) WHERE kind = 'member'`.execute(db);
    expect((await shown({ q: word })).total).toBe(0);
  });

  it('follows an initiative written again: the index is updated in the same transaction', async () => {
    const before = (await shown({ q: 'ornithorynque' })).total;
    const row = await db.selectFrom('initiatives').select(['id', 'title']).where('slug', '=', 'archive-search-1').executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('initiatives').set({ title: JSON.stringify(translated('es', { es: 'Huertos del ornitorrinco', fr: 'Jardins de l’ornithorynque' })) }).where('id', '=', row.id).execute();
      await reindexSearch(trx, 'initiative', [row.id]);
    });
    expect(before).toBe(0);
    expect((await shown({ q: 'ornithorynque' })).total).toBe(1);
  });

  it('follows an organisation renamed: its initiatives are found by the new name', async () => {
    const total = async (q: string) => (await shown({ q })).total;
    const organisation = await db.selectFrom('initiatives').select('organisation_id').where('organisation_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const holding = await db.selectFrom('initiatives').select('id').where('organisation_id', '=', organisation.organisation_id).execute();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('organisations').set({ name: JSON.stringify(translated('en', { en: 'Quetzalcoatl Collective' })) }).where('id', '=', organisation.organisation_id!).execute();
      await reindexOrganisationInitiatives(trx, organisation.organisation_id!);
    });
    expect(await total('Quetzalcoatl')).toBe(holding.length);
  });
});
