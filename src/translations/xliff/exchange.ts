import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { Actor } from '../../auth/permissions.ts';
import type { DB } from '../../db/types.ts';
import { translator } from '../../i18n/i18n.ts';
import { isLang, type Lang } from '../../i18n/langs.ts';
import { setText, sourceHashOf, sourceLang, type Translatable } from '../../i18n/translatable.ts';
import { findField, type TranslatableField } from '../fields.ts';
import { loadValue, validKey, writeEntry } from '../queue/domain.ts';
import type { QueueFilter } from '../queue/queries.ts';
import { buildXliff, parseUnitId, parseXliff, siteFileId, type ExportUnit } from './format.ts';

/** At most this many units per file: an agency's batch, not the whole site. */
export const EXPORT_LIMIT = 2000;

/** The units of the filter in one target language whose original is in `from`, oldest first, as XLIFF. */
export async function exportXliff(db: Kysely<DB>, options: { filter: QueueFilter; target: Lang; from: Lang; baseUrl: string; lang: Lang }): Promise<{ xml: string; count: number }> {
  const { filter, target, from } = options;
  const { rows } = await sql<{ tbl: string; row_key: string; col: string; source_hash: string; text: string }>`
    SELECT u.tbl, u.row_key, u.col, u.source_hash, s.text FROM translation_units AS u
    JOIN translation_sources AS s ON s.tbl = u.tbl AND s.row_key = u.row_key AND s.col = u.col AND s.source_hash = u.source_hash
    WHERE u.lang = ${target} AND u.source_lang = ${from} AND u.state = ANY(${filter.states}::text[])
      AND ${filter.modules.length ? sql`u.module = ANY(${filter.modules}::text[])` : sql`true`}
      AND ${filter.minAgeDays !== null ? sql`u.since <= now() - make_interval(days => ${filter.minAgeDays}::int)` : sql`true`}
    ORDER BY u.since, u.tbl, u.row_key, u.col LIMIT ${EXPORT_LIMIT}`.execute(db);
  const t = translator(options.lang);
  const units: ExportUnit[] = [];
  for (const row of rows) {
    const field = findField(row.tbl, row.col);
    if (!field) continue;
    const value = await loadValue(db, field, row.row_key);
    const current = value?.[target]?.text;
    units.push({ tbl: row.tbl, rowKey: row.row_key, col: row.col, lang: target, sourceHash: row.source_hash, source: row.text, ...(current ? { target: current } : {}), note: t(field.label) });
  }
  return { xml: await buildXliff(units, { baseUrl: options.baseUrl, sourceLang: from, targetLang: target }), count: units.length };
}

export type UnitOutcome = 'applied' | 'unchanged' | 'source_changed' | 'unknown_unit' | 'language_refused' | 'empty' | 'invalid';

export interface ImportReport {
  /** Set when the whole file was refused (nothing applied). */
  fileError?: 'malformed' | 'other_site' | 'language_refused';
  units: { id: string; outcome: UnitOutcome }[];
}

const tally = (report: ImportReport, outcome: UnitOutcome) => report.units.filter((unit) => unit.outcome === outcome).length;
export const countOf = tally;

function invalidText(field: TranslatableField, text: string): boolean {
  return text.length > field.maxLength || (field.format === 'line' && /[\n\r]/.test(text));
}

/**
 * Imports a translated XLIFF file. The file is refused whole when it is not XLIFF 2, was made for
 * another site (its <file id>), or targets a language the importer may not translate into. Each
 * unit is then judged on its own, in one transaction: applied as a person's draft only when its
 * original is still the one it was exported with; every other unit is reported, none overwritten.
 */
export async function importXliff(db: Kysely<DB>, options: { text: string; baseUrl: string; langs: Lang[]; actor: Actor }): Promise<ImportReport> {
  const parsed = await parseXliff(options.text);
  if (!parsed) return { fileError: 'malformed', units: [] };
  if (parsed.files.some((file) => file.id !== siteFileId(options.baseUrl))) return { fileError: 'other_site', units: [] };
  if (!isLang(parsed.targetLang)) return { fileError: 'malformed', units: [] };
  if (!options.langs.includes(parsed.targetLang)) return { fileError: 'language_refused', units: [] };
  const report: ImportReport = { units: [] };
  await db.transaction().execute(async (trx) => {
    for (const unit of parsed.files.flatMap((file) => file.units)) {
      const outcome = await importUnit(trx, unit, parsed.targetLang as Lang, options);
      report.units.push({ id: unit.id, outcome });
    }
    const applied = tally(report, 'applied');
    if (applied) await recordAudit(trx, { actorId: options.actor.id, action: 'translations.xliff_import', entityType: 'translations', details: { applied, units: report.units.length } });
  });
  return report;
}

async function importUnit(trx: Kysely<DB>, unit: { id: string; target: string | undefined }, fileLang: Lang, options: { langs: Lang[]; actor: Actor }): Promise<UnitOutcome> {
  const id = parseUnitId(unit.id);
  const field = id ? findField(id.tbl, id.col) : undefined;
  if (!id || !field || !validKey(field, id.rowKey) || id.lang !== fileLang) return 'unknown_unit';
  if (!options.langs.includes(id.lang)) return 'language_refused';
  const text = (unit.target ?? '').trim();
  if (!text) return 'empty';
  if (invalidText(field, text)) return 'invalid';
  const value = await loadValue(trx, field, id.rowKey, true);
  const source = value ? sourceLang(value) : undefined;
  if (!value || !source || source === id.lang) return 'unknown_unit';
  if (sourceHashOf(value[source]!.text) !== id.sourceHash) return 'source_changed';
  const current = value[id.lang];
  if (current?.text === text && (current.status === 'human' || current.status === 'approved')) return 'unchanged';
  const next: Translatable = setText(value, id.lang, text, 'human');
  next[id.lang] = { ...next[id.lang]!, by: options.actor.id };
  await writeEntry(trx as never, field, id.rowKey, next);
  return 'applied';
}
