import type { AppContext } from '../context.ts';
import { reindexSearch } from '../search/indexer.ts';
import { extractText } from './extract-text.ts';

/**
 * The `library.extract` job: reads a pending file's bytes, extracts its text and makes it
 * searchable. Idempotent: a file already done, deleted or not extractable is left alone. A failure
 * is recorded on the file (the page shows it) and rethrown, so the queue retries it with backoff.
 */
export async function runExtraction(ctx: Pick<AppContext, 'db' | 'files' | 'pageCache'>, fileId: number): Promise<void> {
  const file = await ctx.db.selectFrom('resource_files').select(['id', 'resource_id', 'file_key', 'mime', 'extraction']).where('id', '=', fileId).executeTakeFirst();
  if (!file || (file.extraction !== 'pending' && file.extraction !== 'failed')) return;
  let text: string;
  try {
    const content = await ctx.files.get(file.file_key);
    if (!content) throw new Error('the stored file is missing');
    text = await extractText(file.mime, content);
  } catch (error) {
    const reason = (error as Error).message.slice(0, 500) || 'extraction failed';
    await ctx.db.updateTable('resource_files').set({ extraction: 'failed', extraction_error: reason }).where('id', '=', file.id).execute();
    await ctx.pageCache.invalidate();
    throw error;
  }
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('resource_files')
      .set({ extraction: 'done', extracted_text: text, extraction_error: null, extracted_at: new Date() })
      .where('id', '=', file.id)
      .where('extraction', 'in', ['pending', 'failed'])
      .executeTakeFirst();
    if (!result.numUpdatedRows) return false;
    await reindexSearch(trx, 'resource', [file.resource_id]);
    return true;
  });
  if (saved) await ctx.pageCache.invalidate();
}
