import type { AppContext } from '../context.ts';
import { reindexSearch } from '../search/indexer.ts';
import { EXTRACTION_LIMITS, ExtractionLimitError, extractInChildProcess, type ExtractionLimits } from './extract-process.ts';

/** The reason stored for a file refused for its cost: `limit:memory`, `limit:time`, `limit:output`. */
export const LIMIT_REASON = 'limit:';

/**
 * The `library.extract` job: reads a pending file's bytes, extracts its text (in a child process
 * with bounded memory, time and output) and makes it searchable. Idempotent: a file already done,
 * deleted or not extractable is left alone. A failure is recorded on the file (the page shows it)
 * and rethrown, so the queue retries it with backoff — except a file that exceeded a limit: it is
 * marked "text not extracted" with the limit as its reason and the job ends, since a retry would
 * only spend the same memory or time again.
 */
export async function runExtraction(ctx: Pick<AppContext, 'db' | 'files' | 'pageCache'>, fileId: number, limits: ExtractionLimits = EXTRACTION_LIMITS): Promise<void> {
  const file = await ctx.db.selectFrom('resource_files').select(['id', 'resource_id', 'file_key', 'mime', 'extraction']).where('id', '=', fileId).executeTakeFirst();
  if (!file || (file.extraction !== 'pending' && file.extraction !== 'failed')) return;
  let text: string;
  try {
    const content = await ctx.files.get(file.file_key);
    if (!content) throw new Error('the stored file is missing');
    text = await extractInChildProcess(file.mime, content, limits);
  } catch (error) {
    const refused = error instanceof ExtractionLimitError;
    const reason = refused ? `${LIMIT_REASON}${error.kind}` : (error as Error).message.slice(0, 500) || 'extraction failed';
    await ctx.db.updateTable('resource_files').set({ extraction: 'failed', extraction_error: reason }).where('id', '=', file.id).execute();
    await ctx.pageCache.invalidate();
    if (refused) return;
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
