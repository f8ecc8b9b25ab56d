import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import { insertUser, queueSignInLink } from '../auth/accounts.ts';
import type { AppContext } from '../context.ts';
import type { DB, ProposedProfile } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { setText, sourceLang, type Translatable } from '../i18n/translatable.ts';
import { reindexSearch } from '../search/indexer.ts';
import { findMember, findMemberById, updateMember } from './queries.ts';

type Ctx = Pick<AppContext, 'db' | 'pageCache' | 'jobs' | 'config'>;

export class SpaceError extends Error {}

/**
 * Invites a contact for a member: the account is created (or given the member_contact role), linked
 * to the member, and mailed a sign-in link in its language, in one transaction. Audited.
 */
export async function inviteContact(ctx: Ctx, memberId: number, actorId: number, input: ContactInvitation) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await linkContact(trx, ctx, memberId, actorId, input))) throw new SpaceError('already_contact');
  });
}

export interface ContactInvitation {
  email: string;
  name: string;
  lang: Lang;
}

/**
 * The inside of `inviteContact`, also run by the approval of an application (for the applicant's
 * address): within the caller's transaction. Returns false, having changed nothing, when the account
 * is already a contact of this member.
 */
export async function linkContact(trx: Transaction<DB>, ctx: Pick<Ctx, 'jobs' | 'config'>, memberId: number, actorId: number, input: ContactInvitation): Promise<boolean> {
  const existing = await trx.selectFrom('users').select(['id', 'roles']).where('email', '=', input.email).executeTakeFirst();
  const userId = existing?.id ?? (await insertUser(trx, { email: input.email, name: input.name, roles: ['member_contact'], lang: input.lang }, null, actorId));
  const linked = await trx.insertInto('member_contacts').values({ user_id: userId, member_id: memberId, invited_by: actorId }).onConflict((oc) => oc.doNothing()).returning('user_id').executeTakeFirst();
  if (!linked) return false;
  if (existing && !existing.roles.includes('member_contact')) await trx.updateTable('users').set({ roles: [...existing.roles, 'member_contact'] }).where('id', '=', existing.id).execute();
  await recordAudit(trx, { actorId, action: 'member.contact.invite', entityType: 'member', entityId: memberId, details: { userId } });
  await queueSignInLink(trx, ctx, input.email, input.lang);
  return true;
}

/** The accounts linked to a member, for the secretariat. */
export function contactsOf(db: Kysely<DB>, memberId: number) {
  return db.selectFrom('member_contacts as c').innerJoin('users as u', 'u.id', 'c.user_id').select(['u.id', 'u.email', 'u.name']).where('c.member_id', '=', memberId).orderBy('u.email').execute();
}

/** The members a contact speaks for. */
export function membersOfContact(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('member_contacts as c')
    .innerJoin('members', 'members.id', 'c.member_id')
    .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
    .select(['members.slug', 'o.name', 'members.status'])
    .where('c.user_id', '=', userId)
    .orderBy('members.slug')
    .execute();
}

/** The member behind `slug` if this account is one of its contacts; otherwise nothing (the page answers 404). */
export async function memberOfContact(db: Kysely<DB>, userId: number, slug: string) {
  const member = await findMember(db, slug);
  if (!member) return null;
  const link = await db.selectFrom('member_contacts').select('user_id').where('user_id', '=', userId).where('member_id', '=', member.id).executeTakeFirst();
  return link ? member : null;
}

export async function reviewsPublicEdits(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('member_space_settings').select('review_public_edits').executeTakeFirst())?.review_public_edits ?? true;
}

export async function setReviewPublicEdits(ctx: Ctx, actorId: number, review: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('member_space_settings').set({ review_public_edits: review }).execute();
    await recordAudit(trx, { actorId, action: 'member.space.review_setting', entityType: 'settings', entityId: null, details: { review } });
  });
}

export interface ContactEdit {
  description: string;
  description_lang: Lang;
  website: string;
  focal_name: string;
  focal_email: string;
  focal_phone: string;
}

function withDescription(current: Translatable | null, lang: string, text: string): Translatable {
  const source = current ? sourceLang(current) : undefined;
  return setText(current ?? {}, lang as Lang, text, !source || source === lang ? 'original' : 'human');
}

/**
 * A contact's edit of its member: the focal point (private) is saved at once; a change of the
 * public fields (description, website) is published at once or kept for the secretariat, as it set.
 */
export async function editOwnMember(ctx: Ctx, userId: number, memberId: number, input: ContactEdit): Promise<'published' | 'pending' | 'unchanged'> {
  const review = await reviewsPublicEdits(ctx.db);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const member = await findMemberById(trx, memberId);
    if (!member) throw new SpaceError('not_found');
    const contacts = { ...(member.contacts ?? {}), focal: { name: input.focal_name, email: input.focal_email, phone: input.focal_phone } };
    await updateMember(trx, memberId, { contacts: JSON.stringify(contacts) });
    const proposed: ProposedProfile = {};
    if (input.description && member.description?.[input.description_lang]?.text !== input.description) proposed.description = { lang: input.description_lang, text: input.description };
    if ((input.website || null) !== member.website) proposed.website = input.website;
    let outcome: 'published' | 'pending' | 'unchanged' = 'unchanged';
    if (Object.keys(proposed).length > 0) {
      if (review) {
        await trx.insertInto('member_profile_changes').values({ member_id: memberId, proposed: JSON.stringify(proposed), proposed_by: userId }).execute();
        outcome = 'pending';
      } else {
        await applyProfile(trx, memberId, member.organisation_id, member.description, proposed);
        await trx.insertInto('member_profile_changes').values({ member_id: memberId, proposed: JSON.stringify(proposed), proposed_by: userId, status: 'published', decided_at: new Date() }).execute();
        outcome = 'published';
      }
    }
    await recordAudit(trx, { actorId: userId, action: 'member.own.edit', entityType: 'member', entityId: memberId, details: { outcome, fields: Object.keys(proposed) } });
    return outcome;
  });
  if (result === 'published') await ctx.pageCache.invalidate();
  return result;
}

async function applyProfile(trx: Kysely<DB> | Transaction<DB>, memberId: number, organisationId: number, description: Translatable | null, proposed: ProposedProfile) {
  if (proposed.description) await updateMember(trx, memberId, { description: JSON.stringify(withDescription(description, proposed.description.lang, proposed.description.text)) });
  if (proposed.website !== undefined) await trx.updateTable('organisations').set({ website: proposed.website || null, updated_at: new Date() }).where('id', '=', organisationId).execute();
  await reindexSearch(trx, 'member', [memberId]);
}

/** Changes waiting for the secretariat, oldest first, with who proposed them. */
export function pendingChanges(db: Kysely<DB>, memberId: number) {
  return db
    .selectFrom('member_profile_changes as c')
    .leftJoin('users as u', 'u.id', 'c.proposed_by')
    .select(['c.id', 'c.proposed', 'c.created_at', 'u.email as proposed_by_email'])
    .where('c.member_id', '=', memberId)
    .where('c.status', '=', 'pending')
    .orderBy('c.id')
    .execute();
}

/** The secretariat publishes or rejects a pending change; it is applied in the same transaction. */
export async function decideChange(ctx: Ctx, actorId: number, memberId: number, changeId: number, decision: 'publish' | 'reject') {
  await ctx.db.transaction().execute(async (trx) => {
    const change = await trx.selectFrom('member_profile_changes').selectAll().where('id', '=', changeId).where('member_id', '=', memberId).forUpdate().executeTakeFirst();
    if (!change) throw new SpaceError('not_found');
    if (change.status !== 'pending') throw new SpaceError('decided');
    if (decision === 'publish') {
      const member = await findMemberById(trx, memberId);
      if (!member) throw new SpaceError('not_found');
      await applyProfile(trx, memberId, member.organisation_id, member.description, change.proposed);
    }
    await trx.updateTable('member_profile_changes').set({ status: decision === 'publish' ? 'published' : 'rejected', decided_by: actorId, decided_at: new Date() }).where('id', '=', changeId).execute();
    await recordAudit(trx, { actorId, action: `member.change.${decision}`, entityType: 'member', entityId: memberId, details: { changeId } });
  });
  if (decision === 'publish') await ctx.pageCache.invalidate();
}
