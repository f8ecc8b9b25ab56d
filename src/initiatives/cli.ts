import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { formatReport, importBooklet } from './import.ts';

/** `passerelle import-booklet FILE --event SLUG [--dry-run]`: prints the report; false when nothing could be imported. */
export async function importBookletCommand(db: Kysely<DB>, options: { file: string; eventSlug: string; dryRun: boolean }): Promise<boolean> {
  const bytes = await readFile(options.file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${options.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const outcome = await importBooklet(db, { bytes, eventSlug: options.eventSlug, dryRun: options.dryRun, gazetteer: new Gazetteer() });
  const text = formatReport(outcome);
  if (outcome.ok) console.log(text);
  else console.error(text);
  return outcome.ok;
}
