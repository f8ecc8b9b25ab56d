import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/types.ts';
import { isLang } from '../i18n/langs.ts';
import { parseInput } from '../web/forms.ts';
import { subscriberEmail } from './forms.ts';
import { DEFAULT_TOPICS, isTopic } from './topics.ts';

/**
 * Editors' CSV import of a list whose consent was obtained elsewhere (a conference sign-up sheet,
 * an older mailing tool). Columns: `email` (required), `lang`, `topics` (separated by `;` or `|`).
 * Each rejected row is reported with its line number and reason; the valid rows are written in
 * one transaction, as active subscribers whose consent method is `import`.
 */
export interface RowRejection {
  line: number;
  email: string;
  reason: 'invalid_email' | 'unknown_lang' | 'unknown_topic' | 'duplicate_in_file' | 'already_subscribed' | 'malformed';
}

export interface ImportReport {
  imported: number;
  rejected: RowRejection[];
}

export class CsvFormatError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** RFC 4180 records, each with the line its first field starts on. Quotes may hold commas and line breaks. */
export function parseCsv(text: string): { line: number; cells: string[]; malformed: boolean }[] {
  const records: { line: number; cells: string[]; malformed: boolean }[] = [];
  const source = text.replace(/^\uFEFF/, '');
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const start = line;
    const cells: string[] = [];
    let malformed = false;
    for (;;) {
      let cell = '';
      if (source[i] === '"') {
        i++;
        for (;;) {
          if (i >= source.length) {
            malformed = true;
            break;
          }
          const c = source[i]!;
          if (c === '"' && source[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === '\n') line++;
            cell += c;
            i++;
          }
        }
        // Text after a closing quote (`"a"b`) is not CSV.
        while (i < source.length && !',\r\n'.includes(source[i]!)) {
          malformed = true;
          i++;
        }
      } else {
        while (i < source.length && !',\r\n'.includes(source[i]!)) cell += source[i++];
        if (cell.includes('"')) malformed = true;
      }
      cells.push(cell);
      if (source[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (source[i] === '\r') i++;
    if (source[i] === '\n') i++;
    line++;
    if (!(cells.length === 1 && cells[0] === '' && !malformed)) records.push({ line: start, cells, malformed });
  }
  return records;
}

interface ValidRow {
  line: number;
  email: string;
  lang: string;
  topics: string[];
}

/** Checks every row without writing anything: the valid rows and the rejections. */
export function checkRows(text: string, defaultLang: string): { valid: ValidRow[]; rejected: RowRejection[] } {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) throw new CsvFormatError('subscribers.import.error_empty');
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const at = { email: columns.indexOf('email'), lang: columns.indexOf('lang'), topics: columns.indexOf('topics') };
  if (at.email < 0) throw new CsvFormatError('subscribers.import.error_no_email_column');
  if (records.length > 50_000) throw new CsvFormatError('subscribers.import.error_too_many');
  const valid: ValidRow[] = [];
  const rejected: RowRejection[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const cell = (index: number) => (index >= 0 ? (record.cells[index] ?? '') : '');
    const rawEmail = cell(at.email);
    const reject = (reason: RowRejection['reason']) => rejected.push({ line: record.line, email: rawEmail.slice(0, 254), reason });
    if (record.malformed || record.cells.length > columns.length) {
      reject('malformed');
      continue;
    }
    const email = parseInput(subscriberEmail(), rawEmail);
    if (!email.ok) {
      reject('invalid_email');
      continue;
    }
    const lang = cell(at.lang).trim().toLowerCase() || defaultLang;
    if (!isLang(lang)) {
      reject('unknown_lang');
      continue;
    }
    const topics = cell(at.topics).split(/[;|]/).map((topic) => topic.trim().toLowerCase()).filter(Boolean);
    if (!topics.every(isTopic)) {
      reject('unknown_topic');
      continue;
    }
    if (seen.has(email.data)) {
      reject('duplicate_in_file');
      continue;
    }
    seen.add(email.data);
    valid.push({ line: record.line, email: email.data, lang, topics: topics.length ? [...new Set(topics)] : [...DEFAULT_TOPICS] });
  }
  return { valid, rejected };
}

export async function importSubscribers(
  db: Kysely<DB>,
  input: { csv: string; consentSource: string; actorId: number; defaultLang: string },
): Promise<ImportReport> {
  const { valid, rejected } = checkRows(input.csv, input.defaultLang);
  const at = new Date().toISOString();
  const imported = await db.transaction().execute(async (trx) => {
    const existing = new Set(
      valid.length
        ? (await trx.selectFrom('subscribers').select('email').where('email', 'in', valid.map((row) => row.email)).execute()).map((row) => row.email)
        : [],
    );
    const fresh = valid.filter((row) => {
      if (!existing.has(row.email)) return true;
      rejected.push({ line: row.line, email: row.email, reason: 'already_subscribed' });
      return false;
    });
    for (let start = 0; start < fresh.length; start += 1000) {
      await trx
        .insertInto('subscribers')
        .values(
          fresh.slice(start, start + 1000).map((row) => ({
            email: row.email,
            lang: row.lang,
            topics: row.topics,
            status: 'active' as const,
            confirmed_at: new Date(),
            consent: JSON.stringify({ at, method: 'import', text: input.consentSource, lang: input.defaultLang, source: input.consentSource }),
          })),
        )
        .execute();
    }
    await recordAudit(trx, { actorId: input.actorId, action: 'subscribers.import', entityType: 'subscribers', details: { imported: fresh.length, rejected: rejected.length, source: input.consentSource } });
    return fresh.length;
  });
  rejected.sort((a, b) => a.line - b.line);
  return { imported, rejected };
}
