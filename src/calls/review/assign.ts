import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { conflictOf } from './queries.ts';

type Db = Kysely<DB>;

interface Reviewer { id: number; languages: string[]; cap: number; load: number }

/**
 * The balanced assignment: every submitted submission gets up to `perSubmission` reviewers, each
 * reading its source language, under their cap, never one with a conflict of interest. Existing
 * assignments (automatic or by hand) stay and count. Submissions with the fewest reviewers, then
 * the fewest possible reviewers, are served first and the least loaded reviewer is taken first, so
 * the load evens out.
 * Returns how many assignments were made and which submissions are still short.
 */
export async function assignAutomatically(db: Db, callId: number, perSubmission: number, actorId: number) {
  return db.transaction().execute(async (trx) => {
    // One assignment run at a time per call: two clicks must not both fill the same gaps.
    await sql`SELECT pg_advisory_xact_lock(910, ${callId})`.execute(trx);
    const reviewers: Reviewer[] = (await trx.selectFrom('call_reviewers as r')
      .select((eb) => ['r.user_id as id', 'r.languages', 'r.cap',
        eb.selectFrom('review_assignments as a').select(sql<number>`count(*)::int`.as('n')).whereRef('a.call_id', '=', 'r.call_id').whereRef('a.reviewer_id', '=', 'r.user_id').as('load')])
      .where('r.call_id', '=', callId).orderBy('r.user_id').execute()).map((r) => ({ ...r, load: r.load ?? 0 }));
    const submissions = await trx.selectFrom('submissions as s').select(['s.id', 's.source_lang', 's.lang'])
      .where('s.call_id', '=', callId).where('s.state', '=', 'submitted').orderBy('s.id').execute();
    // Every pair that may not meet: a conflict or an existing assignment.
    const blocked = await trx.selectFrom('submissions as s').innerJoin('call_reviewers as r', 'r.call_id', 's.call_id')
      .select(['s.id as submission', 'r.user_id as reviewer'])
      .where('s.call_id', '=', callId).where('s.state', '=', 'submitted')
      .where((eb) => eb.or([eb(conflictOf, '=', true),
        eb.exists(eb.selectFrom('review_assignments as a').select('a.reviewer_id').whereRef('a.submission_id', '=', 's.id').whereRef('a.reviewer_id', '=', 'r.user_id'))]))
      .execute();
    const taken = new Set(blocked.map((b) => `${b.submission}:${b.reviewer}`));
    const have = new Map<number, number>();
    const existing = await trx.selectFrom('review_assignments').select(['submission_id', sql<number>`count(*)::int`.as('n')]).where('call_id', '=', callId).groupBy('submission_id').execute();
    for (const row of existing) have.set(row.submission_id, row.n);
    const langOf = (submission: (typeof submissions)[number]) => submission.source_lang ?? submission.lang;
    // The most constrained first (fewest reviewers who may take it), so that the easy ones do not
    // use up the only reviewers of a rare language; then the ones with the fewest reviewers so far.
    const eligible = new Map(submissions.map((sub) => [sub.id, reviewers.filter((r) => r.languages.includes(langOf(sub)) && !taken.has(`${sub.id}:${r.id}`)).length]));
    const order = [...submissions].sort((a, b) =>
      (have.get(a.id) ?? 0) - (have.get(b.id) ?? 0) || eligible.get(a.id)! - eligible.get(b.id)! || a.id - b.id);
    const made: { submission_id: number; reviewer_id: number }[] = [];
    const short: number[] = [];
    for (const submission of order) {
      const lang = langOf(submission);
      let count = have.get(submission.id) ?? 0;
      while (count < perSubmission) {
        const pick = reviewers
          .filter((r) => r.load < r.cap && r.languages.includes(lang) && !taken.has(`${submission.id}:${r.id}`))
          .sort((a, b) => a.load - b.load || a.id - b.id)[0];
        if (!pick) break;
        pick.load++;
        count++;
        taken.add(`${submission.id}:${pick.id}`);
        made.push({ submission_id: submission.id, reviewer_id: pick.id });
      }
      if (count < perSubmission) short.push(submission.id);
    }
    for (let i = 0; i < made.length; i += 1000) {
      await trx.insertInto('review_assignments').values(made.slice(i, i + 1000).map((m) => ({ ...m, call_id: callId, automatic: true }))).execute();
    }
    await recordAudit(trx, { actorId, action: 'call.review.assign', entityType: 'call', entityId: callId, details: { perSubmission, made: made.length, short: short.length } });
    return { made: made.length, short: short.sort((a, b) => a - b) };
  });
}

export class AssignmentRefused extends Error {
  constructor(readonly reason: 'not_found' | 'conflict' | 'exists') { super(reason); }
}

/** A manual assignment on top of the automatic one; a conflict of interest is refused here too. */
export async function addAssignment(db: Db, callId: number, submissionId: number, reviewerId: number, actorId: number) {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('submissions as s').innerJoin('call_reviewers as r', 'r.call_id', 's.call_id')
      .select([conflictOf.as('conflict')])
      .where('s.id', '=', submissionId).where('s.call_id', '=', callId).where('r.user_id', '=', reviewerId).executeTakeFirst();
    if (!row) throw new AssignmentRefused('not_found');
    if (row.conflict) throw new AssignmentRefused('conflict');
    const inserted = await trx.insertInto('review_assignments').values({ call_id: callId, submission_id: submissionId, reviewer_id: reviewerId, automatic: false })
      .onConflict((oc) => oc.doNothing()).returning('reviewer_id').executeTakeFirst();
    if (!inserted) throw new AssignmentRefused('exists');
    await recordAudit(trx, { actorId, action: 'call.review.assignment.add', entityType: 'submission', entityId: submissionId, details: { reviewerId } });
  });
}

export async function removeAssignment(db: Db, callId: number, submissionId: number, reviewerId: number, actorId: number) {
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('review_assignments').where('call_id', '=', callId).where('submission_id', '=', submissionId).where('reviewer_id', '=', reviewerId).returning('reviewer_id').executeTakeFirst();
    if (!removed) throw new AssignmentRefused('not_found');
    await recordAudit(trx, { actorId, action: 'call.review.assignment.remove', entityType: 'submission', entityId: submissionId, details: { reviewerId } });
  });
}
