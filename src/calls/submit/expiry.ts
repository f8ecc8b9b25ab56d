import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { DRAFT_LINK_DAYS } from './domain.ts';

export const EXPIRE_SUBMISSION_DRAFTS_JOB = 'calls.drafts.expire';

/**
 * The `calls.drafts.expire` job: a submission still a draft, untouched for as long as its resume
 * link lives, goes with its attachments (nobody can open it again, so nobody needs it). Submitted
 * and withdrawn submissions are the call's record and stay. Stored files are deleted after the
 * commit (a rollback must not lose a kept file's bytes); one whose deletion fails is left to the
 * sweep of unreferenced files.
 */
export async function expireAbandonedSubmissionDrafts(ctx: Pick<AppContext, 'db' | 'files'>, lifetimeDays = DRAFT_LINK_DAYS): Promise<number> {
  const keys = await ctx.db.transaction().execute(async (trx) => {
    const drafts = await trx.selectFrom('submissions').select('id')
      .where('state', '=', 'draft')
      .where('updated_at', '<', sql<Date>`now() - make_interval(days => ${lifetimeDays})`)
      .limit(500).forUpdate().skipLocked().execute();
    const ids = drafts.map((draft) => draft.id);
    if (ids.length === 0) return [];
    const files = await trx.selectFrom('submission_files').select('file_key').where('submission_id', 'in', ids).execute();
    await trx.deleteFrom('submissions').where('id', 'in', ids).execute();
    return files.map((file) => file.file_key);
  });
  for (const key of keys) await ctx.files.delete(key).catch(() => {});
  return keys.length;
}
