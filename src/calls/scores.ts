import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What the reviews of one submission add up to; shared by the review pages and the selection. */
export interface ReviewSummary {
  count: number;
  mean: number;
  median: number;
  /** Totals far apart (a spread of at least DISAGREEMENT_SHARE of the scale) or different proposals. */
  disagree: boolean;
}

/** A spread of totals this large, as a share of the call's score scale, flags a disagreement. */
export const DISAGREEMENT_SHARE = 0.4;

/**
 * The summary of every reviewed submission of a call, in one query whatever their number.
 * Only submitted reviews count (a draft review is the reviewer's own until sent). `submissionIds`
 * limits it to those submissions (a review page needs one summary, not the call's 600).
 */
export async function reviewSummaries(db: Db, callId: number, submissionIds?: number[]): Promise<Map<number, ReviewSummary>> {
  if (submissionIds?.length === 0) return new Map();
  const scale = await db.selectFrom('call_score_categories')
    .select(sql<number>`coalesce(max(max_score) - min(min_score), 0)`.as('range'))
    .where('call_id', '=', callId).executeTakeFirst();
  const threshold = Number(scale?.range ?? 0) * DISAGREEMENT_SHARE;
  const rows = await db.selectFrom('reviews as r').innerJoin('submissions as s', 's.id', 'r.submission_id')
    .select([
      'r.submission_id',
      sql<number>`count(*)::int`.as('count'),
      sql<string>`avg(r.total)`.as('mean'),
      sql<string>`percentile_cont(0.5) WITHIN GROUP (ORDER BY r.total)`.as('median'),
      sql<string>`max(r.total) - min(r.total)`.as('spread'),
      sql<number>`count(DISTINCT r.proposed_decision)::int`.as('proposals'),
    ])
    .where('s.call_id', '=', callId).where('r.submitted_at', 'is not', null)
    .$if(submissionIds !== undefined, (qb) => qb.where('r.submission_id', 'in', submissionIds!))
    .groupBy('r.submission_id').execute();
  return new Map(rows.map((row) => [row.submission_id, {
    count: row.count,
    mean: Number(row.mean ?? 0),
    median: Number(row.median ?? 0),
    disagree: row.count >= 2 && (Number(row.spread ?? 0) >= threshold || row.proposals > 1),
  }]));
}

/** The weighted total of one review: Σ weight × score / Σ weight over the scored categories. */
export function weightedTotal(scores: Record<string, number>, categories: { id: number; weight: number | string }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const category of categories) {
    const score = scores[String(category.id)];
    if (score === undefined) continue;
    sum += Number(category.weight) * score;
    weights += Number(category.weight);
  }
  return weights === 0 ? null : Math.round((sum / weights) * 100) / 100;
}
