import { sql } from 'kysely';
import type { AppContext } from '../context.ts';

/**
 * Every column that holds a `FileStorage` key. A module that stores files adds its column here
 * (a test compares this list with the schema's `*_key` columns).
 */
export const FILE_KEY_COLUMNS = [
  ['application_documents', 'file_key'],
  ['meeting_attachments', 'file_key'],
  ['resource_files', 'file_key'],
  ['members', 'logo_key'],
  ['news_items', 'image_key'],
  ['image_variants', 'file_key'],
  ['submission_files', 'file_key'],
  ['booklet_files', 'file_key'],
  ['fee_documents', 'file_key'],
] as const;

export const SWEEP_JOB = 'files.sweep';
/** How long a key stays unreferenced before it is deleted: longer than any upload takes to commit. */
export const SWEEP_GRACE_MINUTES = 60;
const BATCH = 500;

/**
 * The `files.sweep` job: deletes stored files no row refers to. Files are written to the storage
 * shortly before the row that refers to them commits, so a key found unreferenced is only noted
 * (`file_sweep_candidates`); a later sweep deletes it if it is still unreferenced after the grace
 * period. Domain code already removes the files of failed saves and of deleted or replaced rows;
 * this catches what a crash between the two steps leaves.
 */
export async function sweepUnreferencedFiles(ctx: Pick<AppContext, 'db' | 'files'>, graceMinutes = SWEEP_GRACE_MINUTES): Promise<{ deleted: number; noted: number }> {
  const unreferenced: string[] = [];
  let batch: string[] = [];
  const check = async () => {
    if (batch.length === 0) return;
    const referenced = new Set(await referencedKeys(ctx, batch));
    unreferenced.push(...batch.filter((key) => !referenced.has(key)));
    batch = [];
  };
  for await (const key of ctx.files.list()) {
    batch.push(key);
    if (batch.length >= BATCH) await check();
  }
  await check();
  // Candidates now referenced, or gone from the storage, are forgotten; new ones are noted.
  await ctx.db.deleteFrom('file_sweep_candidates').where(sql<boolean>`NOT (file_key = ANY(${unreferenced}::text[]))`).execute();
  if (unreferenced.length > 0) {
    await sql`INSERT INTO file_sweep_candidates (file_key) SELECT unnest(${unreferenced}::text[]) ON CONFLICT DO NOTHING`.execute(ctx.db);
  }
  const due = await ctx.db
    .selectFrom('file_sweep_candidates')
    .select('file_key')
    .where('seen_at', '<', sql<Date>`now() - make_interval(mins => ${graceMinutes})`)
    .execute();
  let deleted = 0;
  for (const { file_key: key } of due) {
    // Checked once more right before deleting: a row may have been written since the listing.
    if ((await referencedKeys(ctx, [key])).length > 0) continue;
    await ctx.files.delete(key);
    await ctx.db.deleteFrom('file_sweep_candidates').where('file_key', '=', key).execute();
    deleted++;
  }
  return { deleted, noted: unreferenced.length - deleted };
}

async function referencedKeys(ctx: Pick<AppContext, 'db'>, keys: string[]): Promise<string[]> {
  const selects = FILE_KEY_COLUMNS.map(([table, column]) => sql`SELECT ${sql.ref(column)} AS key FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ANY(${keys}::text[])`);
  const result = await sql<{ key: string }>`${sql.join(selects, sql` UNION `)}`.execute(ctx.db);
  return result.rows.map((row) => row.key);
}
