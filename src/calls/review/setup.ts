import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import { addUser, sendSignInLink } from '../../auth/accounts.ts';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/types.ts';
import { LANGS } from '../../i18n/langs.ts';
import { editTranslations } from '../../i18n/translatable.ts';
import type { CategoryInput, InviteInput, PhaseInput } from './forms.ts';

type Db = Kysely<DB>;

/** The secretariat's side of a call's review: phases, score categories, invitations. All audited. */
export async function addPhase(db: Db, callId: number, actorId: number, input: PhaseInput) {
  await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('call_review_phases').values({
      call_id: callId, name: input.name, opens_at: input.opensAt, closes_at: input.closesAt,
      reviewers_see_names: input.seeNames, others_reviews: input.others,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'call.review.phase.add', entityType: 'call', entityId: callId, details: { phaseId: id } });
  });
}

export async function deletePhase(db: Db, callId: number, phaseId: number, actorId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('call_review_phases').where('id', '=', phaseId).where('call_id', '=', callId).returning('id').executeTakeFirst();
    if (gone) await recordAudit(trx, { actorId, action: 'call.review.phase.delete', entityType: 'call', entityId: callId, details: { phaseId } });
    return Boolean(gone);
  });
}

export async function addCategory(db: Db, callId: number, actorId: number, input: CategoryInput) {
  const label = editTranslations(null, input.source, input.labels)!;
  await db.transaction().execute(async (trx) => {
    const { position } = await trx.selectFrom('call_score_categories').select(sql<number>`coalesce(max(position), 0) + 1`.as('position')).where('call_id', '=', callId).executeTakeFirstOrThrow();
    const { id } = await trx.insertInto('call_score_categories').values({
      call_id: callId, position, label: JSON.stringify(label), weight: String(input.weight), required: input.required, min_score: input.min, max_score: input.max,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'call.review.category.add', entityType: 'call', entityId: callId, details: { categoryId: id } });
  });
}

/** A category already scored keeps its scores in the reviews (they stay readable as history). */
export async function deleteCategory(db: Db, callId: number, categoryId: number, actorId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('call_score_categories').where('id', '=', categoryId).where('call_id', '=', callId).returning('id').executeTakeFirst();
    if (gone) await recordAudit(trx, { actorId, action: 'call.review.category.delete', entityType: 'call', entityId: callId, details: { categoryId } });
    return Boolean(gone);
  });
}

/**
 * Invites a reviewer to a call: an existing account is given the call_reviewer role, an unknown
 * e-mail gets a new account (no password) and a sign-in link in its language, as member contacts do.
 * Inviting again updates the invitation (languages, cap, conflicts).
 */
export async function inviteReviewer(ctx: Pick<AppContext, 'db' | 'jobs' | 'config'>, callId: number, actorId: number, input: InviteInput): Promise<{ created: boolean }> {
  const existing = await ctx.db.selectFrom('users').select(['id', 'roles']).where('email', '=', input.email).executeTakeFirst();
  const userId = existing?.id ?? (await addUser(ctx.db, { email: input.email, name: input.name, roles: ['call_reviewer'], lang: input.lang, password: '' }, actorId));
  const row = {
    languages: input.languages.filter((l) => (LANGS as readonly string[]).includes(l)), cap: input.cap,
    organisation_name: input.organisation, city: input.city, country: input.country,
    conflict_organisations: input.conflictOrganisations, conflict_submissions: input.conflictSubmissions,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (existing && !existing.roles.includes('call_reviewer')) {
      await trx.updateTable('users').set({ roles: [...existing.roles, 'call_reviewer'] }).where('id', '=', existing.id).execute();
    }
    await trx.insertInto('call_reviewers').values({ ...row, call_id: callId, user_id: userId, invited_by: actorId })
      .onConflict((oc) => oc.columns(['call_id', 'user_id']).doUpdateSet(row)).execute();
    await recordAudit(trx, { actorId, action: 'call.review.invite', entityType: 'call', entityId: callId, details: { userId } });
  });
  if (!existing) await sendSignInLink(ctx, input.email, input.lang);
  return { created: !existing };
}

/** Withdraws an invitation; the reviewer's assignments go with it, their sent reviews stay. */
export async function removeReviewer(db: Db, callId: number, userId: number, actorId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('call_reviewers').where('call_id', '=', callId).where('user_id', '=', userId).returning('user_id').executeTakeFirst();
    if (gone) await recordAudit(trx, { actorId, action: 'call.review.uninvite', entityType: 'call', entityId: callId, details: { userId } });
    return Boolean(gone);
  });
}

/** Per reviewer: assigned and done, for the progress table (one query). */
export function progressOf(db: Db, callId: number) {
  return db.selectFrom('call_reviewers as r').innerJoin('users as u', 'u.id', 'r.user_id')
    .select((eb) => ['u.id', 'u.email', 'u.name', 'r.languages', 'r.cap', 'r.organisation_name', 'r.city', 'r.country', 'r.conflict_organisations', 'r.conflict_submissions',
      eb.selectFrom('review_assignments as a').select(sql<number>`count(*)::int`.as('n')).whereRef('a.call_id', '=', 'r.call_id').whereRef('a.reviewer_id', '=', 'r.user_id').as('assigned'),
      eb.selectFrom('reviews as v').innerJoin('submissions as s', 's.id', 'v.submission_id').select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.call_id', '=', 'r.call_id').whereRef('v.reviewer_id', '=', 'r.user_id').where('v.submitted_at', 'is not', null).as('done'),
    ])
    .where('r.call_id', '=', callId).orderBy('u.email').execute();
}

/** Every submitted submission with its reviewers (ids), for the assignment table (one query). */
export function assignmentTable(db: Db, callId: number) {
  return db.selectFrom('submissions as s')
    .select((eb) => ['s.id', 's.title', 's.source_lang', 's.organisation_name', 's.city',
      eb.selectFrom('review_assignments as a').select(sql<number[]>`coalesce(array_agg(a.reviewer_id ORDER BY a.reviewer_id), '{}')`.as('ids')).whereRef('a.submission_id', '=', 's.id').as('reviewers'),
    ])
    .where('s.call_id', '=', callId).where('s.state', '=', 'submitted').orderBy('s.id').execute();
}
