import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Lang } from '../../i18n/langs.ts';

/** The states a unit can be in (translation_units.state); 'original' never enters the queue. */
export const UNIT_STATES = ['missing', 'machine', 'outdated', 'human', 'approved'] as const;
export type UnitState = (typeof UNIT_STATES)[number];
/** What the queue shows when no state is chosen: work to do, not finished work. */
export const WORK_STATES: readonly UnitState[] = ['missing', 'outdated', 'machine', 'human'];

export interface QueueFilter {
  langs: Lang[];
  states: UnitState[];
  modules: string[];
  /** Only units in their state for at least this many days. */
  minAgeDays: number | null;
}

/** A unit's place in the queue's order (oldest first): the keyset cursor. */
export interface QueuePosition {
  since: string;
  tbl: string;
  rowKey: string;
  col: string;
  lang: string;
}

export interface QueueItem extends QueuePosition {
  module: string;
  state: UnitState;
  sourceLang: Lang;
  sourceHash: string;
  /** The beginning of the current original (translation_sources). */
  excerpt: string;
}

export const PAGE_SIZE = 50;

/** since with its microseconds (a JavaScript Date keeps milliseconds only, and a cursor must be exact). */
const SINCE = sql`to_char(u.since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Keyset cursors travel in URLs as base64url JSON. */
export function encodePosition(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.since, position.tbl, position.rowKey, position.col, position.lang])).toString('base64url');
}

export function decodePosition(cursor: string | undefined): QueuePosition | null {
  if (!cursor || cursor.length > 800) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(value) || value.length !== 5 || !value.every((part) => typeof part === 'string')) return null;
    const [since, tbl, rowKey, col, lang] = value as string[];
    if (Number.isNaN(Date.parse(since!))) return null;
    return { since: since!, tbl: tbl!, rowKey: rowKey!, col: col!, lang: lang! };
  } catch {
    return null;
  }
}

/**
 * One page of the queue, oldest first, after a position (keyset: the cost does not grow with the
 * page number). Each (language, state[, module]) is read on its own through the index that has it
 * first and `since` next (translation_units_queue, or translation_units_module_queue when modules
 * are chosen) — a short ordered index scan of one page each — and the pages are merged:
 * one scan over `lang = ANY(…) AND state = ANY(…)` would sort every matching unit instead
 * (bench/translations-queue.ts: 160 ms over 100,000 units, against under 10 ms this way).
 */
export async function queuePage(db: Kysely<DB>, filter: QueueFilter, after: QueuePosition | null, limit = PAGE_SIZE): Promise<{ items: QueueItem[]; more: boolean }> {
  if (!filter.langs.length || !filter.states.length) return { items: [], more: false };
  const keyset = after
    ? sql`(u.since, u.tbl, u.row_key, u.col) >= (${after.since}::timestamptz, ${after.tbl}, ${after.rowKey}, ${after.col})
          AND (u.since, u.tbl, u.row_key, u.col, u.lang) > (${after.since}::timestamptz, ${after.tbl}, ${after.rowKey}, ${after.col}, ${after.lang})`
    : sql`true`;
  const age = filter.minAgeDays !== null ? sql`u.since <= now() - make_interval(days => ${filter.minAgeDays}::int)` : sql`true`;
  const modules = filter.modules.length ? sql`unnest(${filter.modules}::text[])` : sql`(VALUES (NULL::text))`;
  const { rows } = await sql<{ since: string; tbl: string; row_key: string; col: string; lang: string; module: string; state: UnitState; source_lang: Lang; source_hash: string; excerpt: string | null }>`
    SELECT ${SINCE} AS since, u.tbl, u.row_key, u.col, u.lang, u.module, u.state, u.source_lang, u.source_hash,
           left(s.text, 160) AS excerpt
    FROM unnest(${filter.langs}::text[]) AS l(lang)
    CROSS JOIN unnest(${filter.states}::text[]) AS st(state)
    CROSS JOIN ${modules} AS m(module)
    CROSS JOIN LATERAL (
      SELECT * FROM translation_units AS u
      WHERE u.lang = l.lang AND u.state = st.state AND ${filter.modules.length ? sql`u.module = m.module` : sql`true`} AND ${age} AND ${keyset}
      ORDER BY u.since, u.tbl, u.row_key, u.col LIMIT ${limit + 1}) AS u
    LEFT JOIN translation_sources AS s ON s.tbl = u.tbl AND s.row_key = u.row_key AND s.col = u.col AND s.source_hash = u.source_hash
    ORDER BY u.since, u.tbl, u.row_key, u.col, u.lang
    LIMIT ${limit + 1}`.execute(db);
  const items = rows.slice(0, limit).map((row) => ({
    since: row.since,
    tbl: row.tbl,
    rowKey: row.row_key,
    col: row.col,
    lang: row.lang,
    module: row.module,
    state: row.state,
    sourceLang: row.source_lang,
    sourceHash: row.source_hash,
    excerpt: row.excerpt ?? '',
  }));
  return { items, more: rows.length > limit };
}

export type StateCounts = Record<string, Record<string, number>>;

/**
 * Counts per language and state, optionally per module: translation_unit_counts holds deltas
 * appended by a trigger (migration 0951), summed here, folded together by `compactUnitCounts`.
 */
export async function countsByLang(db: Kysely<DB>, modules: string[] = []): Promise<StateCounts> {
  const { rows } = await sql<{ lang: string; state: string; n: number; deltas: number }>`
    SELECT lang, state, sum(n)::int AS n, (sum(count(*)) OVER ())::int AS deltas FROM translation_unit_counts
    WHERE ${modules.length ? sql`module = ANY(${modules}::text[])` : sql`true`}
    GROUP BY lang, state`.execute(db);
  await foldIfMany(db, rows);
  const counts: StateCounts = {};
  for (const row of rows) (counts[row.lang] ??= {})[row.state] = row.n;
  return counts;
}

/** The dashboard: counts per module and state for one language. */
export async function countsByModule(db: Kysely<DB>, lang: Lang): Promise<StateCounts> {
  const { rows } = await sql<{ module: string; state: string; n: number; deltas: number }>`
    SELECT module, state, sum(n)::int AS n, (sum(count(*)) OVER ())::int AS deltas FROM translation_unit_counts WHERE lang = ${lang}
    GROUP BY module, state HAVING sum(n) > 0`.execute(db);
  await foldIfMany(db, rows);
  const counts: StateCounts = {};
  for (const row of rows) (counts[row.module] ??= {})[row.state] = row.n;
  return counts;
}

/**
 * Deltas a reader may sum before it folds them: a bulk import appends one per unit (100,000 units
 * summed on every read took 120 ms, instead of 4 once folded), and the scheduled fold comes only
 * every few minutes. There are a few hundred keys at most.
 */
export const FOLD_AFTER = 2000;
const folding = new WeakMap<Kysely<DB>, Promise<number>>();

async function foldIfMany(db: Kysely<DB>, rows: { deltas: number }[]): Promise<void> {
  if ((rows[0]?.deltas ?? 0) <= FOLD_AFTER) return;
  // Readers arriving meanwhile share the fold.
  let fold = folding.get(db);
  if (!fold) {
    fold = compactUnitCounts(db).finally(() => folding.delete(db));
    folding.set(db, fold);
  }
  await fold;
}

export interface UnitRow {
  state: string;
  /** ISO 8601 with microseconds. */
  since: string;
  sourceHash: string;
  madeFromHash: string | null;
}

export async function unitRow(db: Kysely<DB>, tbl: string, rowKey: string, col: string, lang: Lang): Promise<UnitRow | undefined> {
  const { rows } = await sql<{ state: string; since: string; source_hash: string; made_from_hash: string | null }>`
    SELECT state, ${SINCE} AS since, source_hash, made_from_hash FROM translation_units AS u
    WHERE tbl = ${tbl} AND row_key = ${rowKey} AND col = ${col} AND lang = ${lang}`.execute(db);
  const row = rows[0];
  return row && { state: row.state, since: row.since, sourceHash: row.source_hash, madeFromHash: row.made_from_hash };
}

/** A version of an original, by its hash (for the diff shown on an outdated translation). */
export async function sourceVersion(db: Kysely<DB>, tbl: string, rowKey: string, col: string, hash: string): Promise<string | undefined> {
  const { rows } = await sql<{ text: string }>`
    SELECT text FROM translation_sources WHERE tbl = ${tbl} AND row_key = ${rowKey} AND col = ${col} AND source_hash = ${hash}`.execute(db);
  return rows[0]?.text;
}

/** The languages the secretariat gave a translator. */
export async function assignedLangs(db: Kysely<DB>, userId: number): Promise<string[]> {
  const { rows } = await sql<{ lang: string }>`SELECT lang FROM translator_languages WHERE user_id = ${userId} ORDER BY lang`.execute(db);
  return rows.map((row) => row.lang);
}

export const COMPACT_COUNTS_JOB = 'translations.counts.compact';

/** Folds the counts' deltas into one row per module, language and state; returns the rows removed. */
export async function compactUnitCounts(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ removed: number }>`SELECT translation_unit_counts_compact() AS removed`.execute(db);
  return rows[0]?.removed ?? 0;
}
