import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ReviewsTable } from '../../db/types.ts';
import { weightedTotal } from '../scores.ts';
import type { Category, ReviewInput } from './forms.ts';

export type Review = Selectable<ReviewsTable>;

/** The saved review, or — when another tab saved it since this form was opened — the stored one. */
export type SaveResult = { ok: true; review: Review } | { ok: false; stored: Review | undefined };

/**
 * Saves a reviewer's review. `input.version` is the version the form was opened on (0: none yet):
 * a save from a stale form changes nothing and returns the stored review, so the page can show
 * both (a 409), never silently overwrite the other tab's work.
 */
export async function saveReview(db: Kysely<DB>, submissionId: number, reviewerId: number, categories: Category[], input: ReviewInput): Promise<SaveResult> {
  const values = {
    scores: JSON.stringify(input.scores),
    total: weightedTotal(input.scores, categories),
    comment: input.comment,
    proposed_decision: input.decision,
    submitted_at: new Date(),
    updated_at: new Date(),
  };
  return db.transaction().execute(async (trx) => {
    const saved = input.version === 0
      ? await trx.insertInto('reviews').values({ ...values, submission_id: submissionId, reviewer_id: reviewerId })
        .onConflict((oc) => oc.columns(['submission_id', 'reviewer_id']).doNothing()).returningAll().executeTakeFirst()
      : await trx.updateTable('reviews').set({ ...values, version: sql<number>`version + 1` })
        .where('submission_id', '=', submissionId).where('reviewer_id', '=', reviewerId).where('version', '=', input.version)
        .returningAll().executeTakeFirst();
    if (saved) return { ok: true as const, review: saved };
    const stored = await trx.selectFrom('reviews').selectAll().where('submission_id', '=', submissionId).where('reviewer_id', '=', reviewerId).executeTakeFirst();
    return { ok: false as const, stored };
  });
}
