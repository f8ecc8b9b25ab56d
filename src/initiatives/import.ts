import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import type { Gazetteer } from '../places/gazetteer.ts';
import { decodeBooklet, parseBooklet, type ReportLine } from './booklet.ts';
import { applyProgramme, fromBooklet } from './programme.ts';

import { EVENT_SLUG } from './codes.ts';

export interface ImportOutcome {
  /** False when the booklet had errors: then nothing was written. */
  ok: boolean;
  dryRun: boolean;
  encoding: string;
  /** Entries by the language detected (the booklet's own for those undecided). */
  languages: Partial<Record<Lang, number>>;
  entries: number;
  sessions: number;
  workshops: number;
  created: number;
  updated: number;
  unchanged: number;
  report: ReportLine[];
}

class DryRun extends Error {}

/**
 * Imports a booklet into an event's programme, all or nothing: any error in the report (an entry
 * that cannot be read, a conflicting duplicate code, an unknown country) and nothing is written;
 * warnings are reported and the rest is imported. A dry run does the whole import in a transaction
 * and rolls it back, so it reports exactly what a real run would change.
 */
export async function importBooklet(
  db: Kysely<DB>,
  input: { bytes: Uint8Array; eventSlug: string; dryRun?: boolean; gazetteer: Pick<Gazetteer, 'find'> },
): Promise<ImportOutcome> {
  if (!EVENT_SLUG.test(input.eventSlug)) throw new Error(`"${input.eventSlug}" is not an event slug (lower-case letters, digits and hyphens)`);
  const { text, encoding } = decodeBooklet(input.bytes);
  const parsed = parseBooklet(text);
  const outcome: ImportOutcome = {
    ok: false,
    dryRun: Boolean(input.dryRun),
    encoding,
    languages: countLanguages(parsed.entries.map((entry) => entry.lang ?? parsed.lang)),
    entries: parsed.entries.length,
    sessions: parsed.sessions.length,
    workshops: parsed.workshops.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    report: [...parsed.report],
  };
  if (encoding !== 'utf-8' && encoding !== 'utf-8 (BOM)') outcome.report.unshift({ line: 1, level: 'warning', code: null, message: `the file is not UTF-8; read as ${encoding}` });
  if (parsed.report.some((line) => line.level === 'error')) return sortReport(outcome);
  try {
    await db.transaction().execute(async (trx) => {
      const result = await applyProgramme(trx, input.eventSlug, fromBooklet(parsed), { gazetteer: input.gazetteer, at: new Date().toISOString() });
      Object.assign(outcome, { created: result.created, updated: result.updated, unchanged: result.unchanged });
      outcome.report.push(...result.report);
      if (input.dryRun) throw new DryRun();
    });
    if (outcome.created + outcome.updated > 0) await sql`NOTIFY passerelle_content_changed`.execute(db);
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  outcome.ok = true;
  return sortReport(outcome);
}

function countLanguages(langs: Lang[]): Partial<Record<Lang, number>> {
  const counts: Partial<Record<Lang, number>> = {};
  for (const lang of langs) counts[lang] = (counts[lang] ?? 0) + 1;
  return counts;
}

function sortReport(outcome: ImportOutcome): ImportOutcome {
  outcome.report.sort((a, b) => a.line - b.line);
  return outcome;
}

/** The report as lines for a terminal: "line 217 [2.1.1] warning: …". */
export function formatReport(outcome: ImportOutcome): string {
  const lines = outcome.report.map((entry) => `line ${entry.line}${entry.code ? ` [${entry.code}]` : ''} ${entry.level}: ${entry.message}`);
  const errors = outcome.report.filter((entry) => entry.level === 'error').length;
  const summary = outcome.ok
    ? `${outcome.dryRun ? 'dry run: would import' : 'imported'} ${outcome.entries} entries in ${outcome.sessions} sessions and ${outcome.workshops} workshops: ${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged`
    : `nothing imported: ${errors} error${errors === 1 ? '' : 's'} (${outcome.entries} entries read)`;
  const languages = Object.entries(outcome.languages).sort((a, b) => b[1] - a[1]).map(([lang, n]) => `${lang} ${n}`).join(', ');
  return [...lines, summary, ...(languages ? [`languages of the entries: ${languages}`] : [])].join('\n');
}
