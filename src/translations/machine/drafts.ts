import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { DB } from '../../db/types.ts';
import { LANGS, type Lang } from '../../i18n/langs.ts';
import { effectiveStatus, setMachineDraft, sourceHashOf, sourceLang, type Translatable } from '../../i18n/translatable.ts';
import type { TranslatableField } from '../fields.ts';
import type { Drafter } from './translator.ts';

/** A language a draft can be made into, and the source languages it can be made from. */
export interface DraftTarget {
  lang: Lang;
  sources: Lang[];
}

/** Every (target, source) the drafter can do here: es from en and fr, fr from es and en (pivot), en from es and fr (pivot). */
export async function draftTargets(drafter: Drafter): Promise<DraftTarget[]> {
  const targets: DraftTarget[] = [];
  for (const lang of LANGS) {
    const sources: Lang[] = [];
    for (const source of LANGS) if (source !== lang && (await drafter.route(source, lang))) sources.push(source);
    if (sources.length) targets.push({ lang, sources });
  }
  return targets;
}

interface Row {
  key: string;
  value: Translatable;
}

/**
 * Rows of one field lacking a current translation in some target language it can be drafted into,
 * in key order after `after`. Read from translation_units (kept by triggers, migration 0640, and
 * indexed by language and state): a save that changes an original turns its translations' units
 * 'outdated', a new row brings 'missing' units, so this query is how the job learns of every save
 * in every module without any module calling it.
 */
export async function rowsNeedingDrafts(db: Kysely<DB>, field: TranslatableField, targets: DraftTarget[], limit: number, after: string | null, onlyKeys?: string[]): Promise<Row[]> {
  const pairs = targets.flatMap((target) => target.sources.map((source) => [target.lang, source] as const));
  if (!pairs.length) return [];
  const keys = await sql<{ row_key: string }>`
    SELECT DISTINCT u.row_key COLLATE "C" AS row_key FROM translation_units AS u
    JOIN unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) AS p(lang, source)
      ON u.lang = p.lang AND u.source_lang = p.source
    WHERE u.tbl = ${field.table} AND u.col = ${field.column} AND u.state IN ('missing', 'outdated')
      AND (${after}::text IS NULL OR u.row_key COLLATE "C" > ${after})
      AND (${onlyKeys ?? null}::text[] IS NULL OR u.row_key = ANY(${onlyKeys ?? null}::text[]))
    ORDER BY 1
    LIMIT ${limit}`.execute(db);
  if (!keys.rows.length) return [];
  const wanted = keys.rows.map((row) => row.row_key);
  const result = await sql<Row>`
    SELECT ${sql.ref(field.key)}::text AS key, ${sql.ref(field.column)} AS value FROM ${sql.table(field.table)}
    WHERE ${keyIn(field, wanted)}`.execute(db);
  const byKey = new Map(result.rows.map((row) => [row.key, row]));
  return wanted.flatMap((key) => byKey.get(key) ?? []);
}

/** `key = ANY(…)` typed like the key column, so its index serves (ids are integers, slugs text). */
function keyIn(field: TranslatableField, keys: string[]) {
  return field.key === 'id' ? sql`${sql.ref(field.key)} = ANY(${keys.map(Number)}::int[])` : sql`${sql.ref(field.key)} = ANY(${keys}::text[])`;
}

/** The original's language and text. */
function sourceOf(field: Translatable): { lang: Lang; text: string } | undefined {
  const lang = sourceLang(field);
  return lang ? { lang, text: field[lang]!.text } : undefined;
}

/** No usable translation of the current original: missing or outdated (a person's current work is never replaced). */
export function needsDraft(field: Translatable, lang: Lang): boolean {
  const state = effectiveStatus(field, lang);
  return state === 'missing' || state === 'outdated';
}

export interface DraftBatchResult {
  /** Language entries written. */
  drafted: number;
  /** The last row key looked at (the next batch starts after it). */
  lastKey: string | null;
  rows: number;
}

/**
 * One batch of one field: finds up to `limit` rows, drafts their missing languages (one engine
 * call per language pair for the whole batch), and writes them in one transaction with one audit
 * entry. Each row is locked and read again before writing: a person's save made meanwhile (a new
 * original, a human translation) wins, the draft of the old original is dropped.
 */
export async function draftBatch(db: Kysely<DB>, drafter: Drafter, field: TranslatableField, targets: DraftTarget[], limit: number, after: string | null, onlyKeys?: string[]): Promise<DraftBatchResult> {
  const rows = await rowsNeedingDrafts(db, field, targets, limit, after, onlyKeys);
  if (!rows.length) return { drafted: 0, lastKey: null, rows: 0 };
  // Group the texts by language pair: one call per pair for the batch.
  const groups = new Map<string, { from: Lang; to: Lang; items: { key: string; text: string; hash: string }[] }>();
  for (const row of rows) {
    const source = sourceOf(row.value);
    if (!source) continue;
    for (const target of targets) {
      if (!target.sources.includes(source.lang) || !needsDraft(row.value, target.lang)) continue;
      const id = `${source.lang}-${target.lang}`;
      if (!groups.has(id)) groups.set(id, { from: source.lang, to: target.lang, items: [] });
      groups.get(id)!.items.push({ key: row.key, text: source.text, hash: sourceHashOf(source.text) });
    }
  }
  const drafts: { key: string; lang: Lang; text: string; engine: string; hash: string }[] = [];
  for (const group of groups.values()) {
    const made = await drafter.draftMany(group.items.map((item) => item.text), group.from, group.to);
    group.items.forEach((item, i) => {
      const text = field.format === 'line' ? made[i]!.text.replace(/\s+/g, ' ').trim() : made[i]!.text;
      if (text) drafts.push({ key: item.key, lang: group.to, text, engine: made[i]!.engine, hash: item.hash });
    });
  }
  const drafted = await writeDrafts(db, field, drafts);
  return { drafted, lastKey: rows[rows.length - 1]!.key, rows: rows.length };
}

async function writeDrafts(db: Kysely<DB>, field: TranslatableField, drafts: { key: string; lang: Lang; text: string; engine: string; hash: string }[]): Promise<number> {
  if (!drafts.length) return 0;
  const byKey = new Map<string, typeof drafts>();
  for (const draft of drafts) byKey.set(draft.key, [...(byKey.get(draft.key) ?? []), draft]);
  return db.transaction().execute(async (trx) => {
    let written = 0;
    const engines = new Set<string>();
    for (const [key, entries] of byKey) {
      const current = await sql<{ value: Translatable }>`
        SELECT ${sql.ref(field.column)} AS value FROM ${sql.table(field.table)} WHERE ${sql.ref(field.key)}::text = ${key} FOR UPDATE`.execute(trx);
      let value = current.rows[0]?.value;
      if (!value || typeof value !== 'object') continue;
      const before = value;
      for (const draft of entries) {
        const source = sourceOf(value);
        // The original changed since it was read: this draft is of an old text.
        if (!source || sourceHashOf(source.text) !== draft.hash || !needsDraft(value, draft.lang)) continue;
        value = setMachineDraft(value, draft.lang, draft.text, draft.engine);
        engines.add(draft.engine);
        written++;
      }
      if (value === before) continue;
      await sql`UPDATE ${sql.table(field.table)} SET ${sql.ref(field.column)} = ${JSON.stringify(value)}::jsonb WHERE ${sql.ref(field.key)}::text = ${key}`.execute(trx);
    }
    if (written) {
      await recordAudit(trx, {
        actorId: null,
        action: 'translations.machine_drafts',
        entityType: field.table,
        details: { column: field.column, drafts: written, rows: byKey.size, engines: [...engines] },
      });
    }
    return written;
  });
}
