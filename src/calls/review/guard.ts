import { canReviewSubmission, type Actor } from '../../auth/permissions.ts';
import { notFound } from '../../web/http-error.ts';
import { invitedCall, submissionForReviewer, type Db } from './queries.ts';

/**
 * The reviewer's one guard: a call they are not invited to, or a submission not assigned to them or
 * in conflict with them, is answered 404 — as if it did not exist, so nothing is learnt by guessing.
 */
export async function reviewerCall(db: Db, actor: Actor, slug: string) {
  const call = await invitedCall(db, slug, actor.id);
  if (!call) throw notFound();
  return { call };
}

export async function reviewerSubmission(db: Db, actor: Actor, callId: number, submissionId: number) {
  const row = await submissionForReviewer(db, callId, submissionId, actor.id);
  const allowed = row && canReviewSubmission(actor, {
    invited: Boolean(row.invited), assigned: Boolean(row.assigned), conflict: Boolean(row.conflict), submitted: row.state === 'submitted',
  });
  if (!row || !allowed) throw notFound();
  return row;
}
