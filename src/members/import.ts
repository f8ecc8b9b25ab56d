import { Gazetteer } from '../places/gazetteer.ts';
import { organisationKey } from '../organisations/domain.ts';
import { parseCsv } from '../subscribers/csv-import.ts';
import { parseInput } from '../web/forms.ts';
import type { AppContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { importRowForm } from './record-forms.ts';
import { insertExistingMember, RecordError, type ExistingMember } from './records.ts';

type Ctx = Pick<AppContext, 'db' | 'pageCache'>;

export const IMPORT_COLUMNS = ['name', 'name_lang', 'kind', 'category', 'city', 'country', 'website', 'latitude', 'longitude', 'joined_on', 'status', 'status_on'] as const;
const REQUIRED_COLUMNS = ['name', 'kind', 'category', 'country', 'joined_on'] as const;

/** A row refused, by its line in the file, the column at fault and a catalog key saying why. */
export interface ImportRejection {
  line: number;
  field: string;
  key: string;
  /** Filled into the message: the line of the first copy of a duplicate, the columns missing. */
  detail?: string;
}

export interface MemberImportReport {
  accepted: { line: number; name: string; slug?: string }[];
  rejected: ImportRejection[];
  /** True only when the rows were written (an import with no rejection). */
  imported: boolean;
}

class Rollback extends Error {}

/** The file's rows as named fields, with their line; rows refused before any database work are reported. */
export function readRows(text: string): { rows: { line: number; values: Record<string, string> }[]; rejected: ImportRejection[] } {
  const records = parseCsv(text).filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  const header = records.shift();
  if (!header) return { rows: [], rejected: [{ line: 1, field: '_file', key: 'records.import.empty' }] };
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length) return { rows: [], rejected: [{ line: header.line, field: '_file', key: 'records.import.missing_columns', detail: missing.join(', ') }] };
  const rows: { line: number; values: Record<string, string> }[] = [];
  const rejected: ImportRejection[] = [];
  for (const record of records) {
    if (record.malformed || record.cells.length > columns.length) {
      rejected.push({ line: record.line, field: '_row', key: 'records.import.malformed' });
      continue;
    }
    rows.push({ line: record.line, values: Object.fromEntries(columns.map((column, i) => [column, record.cells[i] ?? ''])) });
  }
  return { rows, rejected };
}

/**
 * Imports existing members from a CSV in one transaction: every row is checked (fields, duplicates
 * in the file, members already recorded) and every refusal reported by line; the rows are written
 * only when none is refused, and a dry run writes nothing in any case (it runs and rolls back).
 */
export async function importMembers(ctx: Ctx, actorId: number, text: string, dryRun: boolean): Promise<MemberImportReport> {
  const { rows, rejected } = readRows(text);
  const valid: { line: number; member: ExistingMember }[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const parsed = parseInput(importRowForm, row.values);
    if (!parsed.ok) {
      for (const [field, key] of Object.entries(parsed.fields)) rejected.push({ line: row.line, field, key });
      continue;
    }
    const key = organisationKey(parsed.data.name, parsed.data.city, parsed.data.country);
    const first = firstLine.get(key);
    if (first !== undefined) {
      rejected.push({ line: row.line, field: 'name', key: 'records.import.duplicate_row', detail: String(first) });
      continue;
    }
    firstLine.set(key, row.line);
    valid.push({ line: row.line, member: parsed.data });
  }
  const accepted: MemberImportReport['accepted'] = [];
  const gazetteer = new Gazetteer();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      for (const { line, member } of valid) {
        try {
          // Each refusal is found before the row writes anything, so the rows after it are still checked.
          const { slug } = await insertExistingMember(trx, member, actorId, gazetteer, 'import');
          accepted.push({ line, name: member.name, slug });
        } catch (error) {
          if (!(error instanceof RecordError)) throw error;
          rejected.push({ line, field: error.field, key: error.key });
        }
      }
      if (dryRun || rejected.length > 0) throw new Rollback();
      await recordAudit(trx, { actorId, action: 'member.import', entityType: 'member', entityId: null, details: { members: accepted.length } });
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    rejected.sort((a, b) => a.line - b.line);
    return { accepted: accepted.map(({ line, name }) => ({ line, name })), rejected, imported: false };
  }
  await ctx.pageCache.invalidate();
  return { accepted, rejected, imported: true };
}
