import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';

export type Db = Kysely<DB> | Transaction<DB>;

/**
 * The one definition of a conflict of interest, between the submission `s` and the invited reviewer
 * `r` (call_reviewers) of a query: a declared conflict (the submission, or its organisation by name),
 * the same organisation (by name, or by any name of its organisation record), the same city (and
 * country when both are known). Used by the assignment, the guard and the reviewer's lists.
 * Written inline rather than as a database function: a function taking whole rows is not inlined and
 * cost 40 ms over 1,800 assignments; inline, the planner short-circuits it.
 */
export const conflictOf = sql<boolean>`(
  s.id = ANY (r.conflict_submissions)
  OR (s.organisation_name IS NOT NULL AND lower(s.organisation_name) = ANY (r.conflict_organisations))
  OR (r.organisation_name IS NOT NULL AND lower(s.organisation_name) = lower(r.organisation_name))
  OR (r.city IS NOT NULL AND lower(s.city) = lower(r.city) AND (r.country IS NULL OR s.country IS NULL OR s.country = r.country))
  OR (s.organisation_id IS NOT NULL AND (r.organisation_name IS NOT NULL OR cardinality(r.conflict_organisations) > 0) AND EXISTS (
    SELECT 1 FROM organisations o, jsonb_each(o.name) AS n(lang, value)
    WHERE o.id = s.organisation_id
      AND (lower(n.value ->> 'text') = lower(r.organisation_name) OR lower(n.value ->> 'text') = ANY (r.conflict_organisations))
  ))
)`;

export function callBySlug(db: Db, slug: string) {
  return db.selectFrom('calls').select(['id', 'slug', 'title', 'state', 'languages', 'time_zone']).where('slug', '=', slug).executeTakeFirst();
}

export function phasesOf(db: Db, callId: number) {
  return db.selectFrom('call_review_phases').selectAll().where('call_id', '=', callId).orderBy('opens_at').orderBy('id').execute();
}

export function categoriesOf(db: Db, callId: number) {
  return db.selectFrom('call_score_categories').select(['id', 'position', 'label', 'weight', 'required', 'min_score', 'max_score'])
    .where('call_id', '=', callId).orderBy('position').execute();
}

/** A call by its slug, if the user is invited to review it: one query. */
export function invitedCall(db: Db, slug: string, userId: number) {
  return db.selectFrom('calls as c').innerJoin('call_reviewers as r', 'r.call_id', 'c.id')
    .select(['c.id', 'c.slug', 'c.title', 'c.state', 'c.time_zone', 'r.languages'])
    .where('c.slug', '=', slug).where('r.user_id', '=', userId).executeTakeFirst();
}

/** The calls a user is invited to review, with their progress: one query whatever their number. */
export function callsOfReviewer(db: Db, userId: number) {
  return db.selectFrom('call_reviewers as r').innerJoin('calls as c', 'c.id', 'r.call_id')
    .select((eb) => ['c.slug', 'c.title', 'c.state',
      eb.selectFrom('review_assignments as a').innerJoin('submissions as s', 's.id', 'a.submission_id')
        .select(sql<number>`count(*)::int`.as('n')).whereRef('a.call_id', '=', 'r.call_id').whereRef('a.reviewer_id', '=', 'r.user_id')
        .where('s.state', '=', 'submitted').where(sql<boolean>`NOT ${conflictOf}`).as('assigned'),
      eb.selectFrom('reviews as v').innerJoin('submissions as s', 's.id', 'v.submission_id')
        .select(sql<number>`count(*)::int`.as('n')).whereRef('s.call_id', '=', 'r.call_id').whereRef('v.reviewer_id', '=', 'r.user_id')
        .where('v.submitted_at', 'is not', null).as('done'),
    ])
    .where('r.user_id', '=', userId).orderBy('c.created_at', 'desc').execute();
}

/** A reviewer's assigned submissions as a query: conflicts never shown, even when assigned by hand before the conflict was declared. */
function assignedQuery(db: Db, callId: number, userId: number) {
  return db.selectFrom('review_assignments as a')
    .innerJoin('submissions as s', 's.id', 'a.submission_id')
    .innerJoin('call_reviewers as r', (join) => join.onRef('r.call_id', '=', 'a.call_id').onRef('r.user_id', '=', 'a.reviewer_id'))
    .leftJoin('reviews as mine', (join) => join.onRef('mine.submission_id', '=', 's.id').onRef('mine.reviewer_id', '=', 'a.reviewer_id'))
    .where('a.call_id', '=', callId).where('a.reviewer_id', '=', userId).where('s.state', '=', 'submitted')
    .where(sql<boolean>`NOT ${conflictOf}`);
}

/** One page of the reviewer's list, with their own review's state: one query. */
export function assignedTo(db: Db, callId: number, userId: number, page: { limit: number; offset: number }) {
  return assignedQuery(db, callId, userId)
    .select(['s.id', 's.title', 's.source_lang', 's.city', 's.country', 'mine.submitted_at as reviewed_at'])
    .orderBy('s.id').limit(page.limit).offset(page.offset).execute();
}

/** "n of m": the reviewer's reviewed and assigned counts, without reading the rows. */
export async function progressOfReviewer(db: Db, callId: number, userId: number) {
  const row = await assignedQuery(db, callId, userId)
    .select([sql<number>`count(mine.submitted_at)::int`.as('done'), sql<number>`count(*)::int`.as('total')])
    .executeTakeFirstOrThrow();
  return { done: row.done, total: row.total };
}

/**
 * The assigned submission the reviewer has not reviewed yet with the fewest sent reviews (then the
 * lowest number), `after` left out: what "save and next" opens.
 */
export async function fewestReviewed(db: Db, callId: number, userId: number, after: number | null) {
  const row = await assignedQuery(db, callId, userId)
    .select(['s.id', (eb) => eb.selectFrom('reviews as v').select(sql<number>`count(*)::int`.as('n')).whereRef('v.submission_id', '=', 's.id').where('v.submitted_at', 'is not', null).as('reviews')])
    .where('mine.submitted_at', 'is', null)
    .$if(after !== null, (qb) => qb.where('s.id', '!=', after!))
    .orderBy('reviews').orderBy('s.id').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/** One submission with the facts the guard needs about this reviewer, in one query. */
export function submissionForReviewer(db: Db, callId: number, submissionId: number, userId: number) {
  return db.selectFrom('submissions as s')
    .leftJoin('call_reviewers as r', (join) => join.on('r.call_id', '=', callId).on('r.user_id', '=', userId))
    .selectAll('s')
    .select((eb) => [
      sql<boolean>`r.user_id IS NOT NULL`.as('invited'),
      sql<boolean>`coalesce(${conflictOf}, false)`.as('conflict'),
      eb.exists(eb.selectFrom('review_assignments as a').select('a.reviewer_id').whereRef('a.submission_id', '=', 's.id').where('a.reviewer_id', '=', userId)).as('assigned'),
      eb.selectFrom('submission_files as f').select(sql<string[]>`coalesce(array_agg(f.file_name ORDER BY f.id), '{}')`.as('names')).whereRef('f.submission_id', '=', 's.id').as('file_names'),
    ])
    .where('s.id', '=', submissionId).where('s.call_id', '=', callId).executeTakeFirst();
}

export function reviewOf(db: Db, submissionId: number, userId: number) {
  return db.selectFrom('reviews').selectAll().where('submission_id', '=', submissionId).where('reviewer_id', '=', userId).executeTakeFirst();
}

/** The other reviewers' sent reviews of a submission, oldest first (shown as "Reviewer 1, 2 …"). */
export function othersReviews(db: Db, submissionId: number, userId: number) {
  return db.selectFrom('reviews').select(['id', 'scores', 'total', 'comment', 'proposed_decision', 'submitted_at'])
    .where('submission_id', '=', submissionId).where('reviewer_id', '!=', userId).where('submitted_at', 'is not', null)
    .orderBy('submitted_at').orderBy('id').execute();
}

/** The call's own questions, to show a submission's answers under their labels. */
export function questionsOf(db: Db, callId: number) {
  return db.selectFrom('call_questions').select(['id', 'kind', 'label', 'choices']).where('call_id', '=', callId).orderBy('position').execute();
}
