import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { FacetName, InitiativeFilters } from './queries.ts';

type SingleFacet = Exclude<FacetName, 'theme'>;
const SINGLE_FACETS: readonly SingleFacet[] = ['event', 'session', 'workshop', 'country', 'region', 'kind'];

/** One facet's values, numbered in PostgreSQL's order (so a tie in counts sorts as SQL would). */
interface Column {
  values: string[];
  /** Per initiative (in listing order), the number of its value in `values`; -1 for none. */
  codes: Int32Array;
}

/**
 * Every initiative's facet values and place in the listing order (event, code, id), in memory: the
 * archive's counts over ten thousand matches took 100 ms in SQL (reading that many wide rows), and
 * take about a millisecond here. Read again whenever `initiative_archive_version` moves (migration
 * 0952): in a real archive that is an import or an edit, not a page view.
 */
export interface ArchiveIndex {
  version: string;
  /** Initiative ids in listing order. */
  ids: Int32Array;
  rowOf: Map<number, number>;
  single: Record<SingleFacet, Column>;
  /** Themes, several per initiative: row r's codes are `codes[start[r]] … codes[start[r + 1] - 1]`. */
  themes: { values: string[]; start: Int32Array; codes: Int32Array };
}

interface IndexState {
  index?: ArchiveIndex;
  loading?: { version: string; promise: Promise<ArchiveIndex> };
}

const states = new WeakMap<Kysely<DB>, IndexState>();

/**
 * The index as of `version` (read from the database by the caller) or newer, loaded once for all
 * callers: a request that read the version just before a reload gets the reloaded index.
 */
export function archiveIndex(db: Kysely<DB>, version: string): Promise<ArchiveIndex> {
  let state = states.get(db);
  if (!state) states.set(db, (state = {}));
  const atLeast = (held: string) => BigInt(held) >= BigInt(version);
  if (state.index && atLeast(state.index.version)) return Promise.resolve(state.index);
  if (state.loading && atLeast(state.loading.version)) return state.loading.promise;
  const promise = loadIndex(db).then((index) => {
    if (!state.index || BigInt(index.version) >= BigInt(state.index.version)) state.index = index;
    return index;
  }).finally(() => {
    if (state.loading?.promise === promise) state.loading = undefined;
  });
  state.loading = { version, promise };
  return promise;
}

export async function archiveVersion(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ n: string }>`SELECT n::text FROM initiative_archive_version`.execute(db);
  return rows[0]!.n;
}

interface IndexRow {
  id: number;
  themes: string[];
  event: string; session: string | null; workshop: string | null; country: string | null; region: string | null; kind: string | null;
  event_rank: number; session_rank: number; workshop_rank: number; country_rank: number; region_rank: number; kind_rank: number;
}

/** Rows and version read in one snapshot; each value's rank computed by PostgreSQL (its collation). */
async function loadIndex(db: Kysely<DB>): Promise<ArchiveIndex> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const version = await archiveVersion(trx);
    const ranked = (column: string, name: SingleFacet) => sql`${sql.raw(column)} AS ${sql.raw(name)}, (dense_rank() OVER (ORDER BY ${sql.raw(column)}))::int AS ${sql.raw(`${name}_rank`)}`;
    const { rows } = await sql<IndexRow>`
      SELECT i.id, i.themes, ${ranked('i.event_slug', 'event')}, ${ranked('s.code', 'session')}, ${ranked('w.code', 'workshop')},
        ${ranked('i.country', 'country')}, ${ranked('i.region', 'region')}, ${ranked('o.kind', 'kind')}
      FROM initiatives i
      LEFT JOIN organisations o ON o.id = i.organisation_id
      LEFT JOIN programme_workshops w ON w.id = i.workshop_id
      LEFT JOIN programme_sessions s ON s.id = w.session_id
      ORDER BY i.event_slug, string_to_array(i.code, '.')::int[], i.id`.execute(trx);
    const themeOrder = await sql<{ theme: string }>`SELECT DISTINCT unnest(themes) AS theme FROM initiatives ORDER BY theme`.execute(trx);
    return buildIndex(version, rows, themeOrder.rows.map((row) => row.theme));
  });
}

function buildIndex(version: string, rows: IndexRow[], themeValues: string[]): ArchiveIndex {
  const single = Object.fromEntries(SINGLE_FACETS.map((facet) => {
    const values: string[] = [];
    const codes = new Int32Array(rows.length);
    rows.forEach((row, r) => {
      const value = row[facet];
      // Ranks start at 1; a missing value ranks last, and is no value.
      if (value === null) codes[r] = -1;
      else values[(codes[r] = row[`${facet}_rank`] - 1)] = value;
    });
    return [facet, { values, codes }];
  })) as Record<SingleFacet, Column>;
  const themeCode = new Map(themeValues.map((theme, code) => [theme, code]));
  const start = new Int32Array(rows.length + 1);
  const codes: number[] = [];
  rows.forEach((row, r) => {
    start[r] = codes.length;
    for (const theme of row.themes) codes.push(themeCode.get(theme)!);
  });
  start[rows.length] = codes.length;
  const ids = Int32Array.from(rows, (row) => row.id);
  return { version, ids, rowOf: new Map(rows.map((row, r) => [row.id, r])), single, themes: { values: themeValues, start, codes: Int32Array.from(codes) } };
}

export interface ArchiveCounts {
  total: number;
  facets: Record<FacetName, { value: string; count: number }[]>;
  /** The rows passing every filter, as positions in the listing order, in that order. */
  listed: Int32Array;
}

/**
 * The archive's total, page order and each facet's counts under the other facets' selections, over
 * the initiatives whose ids are `matches` (the text query's), or all of them when null. A row failing
 * one selected facet still counts in that facet's own values; failing two, nowhere. Values are
 * ordered by count, then as PostgreSQL sorts them.
 */
export function countArchive(index: ArchiveIndex, filters: InitiativeFilters, matches: Iterable<number> | null): ArchiveCounts {
  const tests = selectionTests(index, filters);
  const counts = {
    ...Object.fromEntries(SINGLE_FACETS.map((facet) => [facet, new Int32Array(index.single[facet].values.length)])),
    theme: new Int32Array(index.themes.values.length),
  } as Record<FacetName, Int32Array>;
  const listed: number[] = [];
  const { start, codes: themeCodes } = index.themes;
  const countRow = (r: number, facet: FacetName) => {
    if (facet === 'theme') for (let k = start[r]!; k < start[r + 1]!; k++) counts.theme[themeCodes[k]!]!++;
    else {
      const code = index.single[facet].codes[r]!;
      if (code >= 0) counts[facet][code]!++;
    }
  };
  for (const r of candidateRows(index, matches)) {
    let failed: FacetName | null = null;
    let failures = 0;
    for (const [facet, passes] of tests) {
      if (passes(r)) continue;
      failed = facet;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    if (failed) {
      countRow(r, failed);
      continue;
    }
    listed.push(r);
    for (const facet of SINGLE_FACETS) countRow(r, facet);
    countRow(r, 'theme');
  }
  const facets = Object.fromEntries((Object.keys(counts) as FacetName[]).map((facet) => {
    const values = facet === 'theme' ? index.themes.values : index.single[facet].values;
    return [facet, ordered(counts[facet], values)];
  })) as ArchiveCounts['facets'];
  return { total: listed.length, facets, listed: Int32Array.from(listed) };
}

/**
 * The matching rows, each once (a text match lists an initiative once per language that matched),
 * in listing order, so the rows that pass every filter come out ordered for the page.
 */
function candidateRows(index: ArchiveIndex, matches: Iterable<number> | null): Iterable<number> {
  if (!matches) return index.ids.keys();
  const matched = new Uint8Array(index.ids.length);
  for (const id of matches) {
    const r = index.rowOf.get(id);
    // An id the snapshot does not hold was added since it was read: the next version will.
    if (r !== undefined) matched[r] = 1;
  }
  const rows: number[] = [];
  for (let r = 0; r < matched.length; r++) if (matched[r]) rows.push(r);
  return rows;
}

/** A test per selected facet: does row r hold one of the selected values? */
function selectionTests(index: ArchiveIndex, filters: InitiativeFilters): [FacetName, (r: number) => boolean][] {
  const tests: [FacetName, (r: number) => boolean][] = [];
  const flags = (values: string[], selected: string[]) => Uint8Array.from(values, (value) => (selected.includes(value) ? 1 : 0));
  for (const facet of SINGLE_FACETS) {
    if (!filters[facet].length) continue;
    const { values, codes } = index.single[facet];
    const chosen = flags(values, filters[facet]);
    tests.push([facet, (r) => codes[r]! >= 0 && chosen[codes[r]!] === 1]);
  }
  if (filters.theme.length) {
    const { values, start, codes } = index.themes;
    const chosen = flags(values, filters.theme);
    tests.push(['theme', (r) => {
      for (let k = start[r]!; k < start[r + 1]!; k++) if (chosen[codes[k]!]) return true;
      return false;
    }]);
  }
  return tests;
}

function ordered(counts: Int32Array, values: string[]): { value: string; count: number }[] {
  const out: { value: string; count: number; code: number }[] = [];
  counts.forEach((count, code) => {
    if (count > 0) out.push({ value: values[code]!, count, code });
  });
  out.sort((a, b) => b.count - a.count || a.code - b.code);
  return out.map(({ value, count }) => ({ value, count }));
}
