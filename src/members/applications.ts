import type { Transaction } from 'kysely';
import { noticeStaff } from '../notices/domain.ts';
import { recordAudit } from '../audit/audit.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import type { Contacts, DB } from '../db/types.ts';
import { committeeMeetingById, decisionsOnApplication, meetingById, recordDecision } from '../governance/domain.ts';
import { isLang, translator, type Lang } from '../i18n/i18n.ts';
import { queueMail } from '../mail/outbox.ts';
import { mayMail } from '../mail/recipient-throttle.ts';
import { findOrCreateOrganisation, organisationKey } from '../organisations/domain.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { nameKey } from '../places/normalize.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import { putUpload } from '../storage/storage.ts';
import { sizeOf, type UploadedFile } from '../web/uploads.ts';
import {
  applicationEvents,
  commentsOf,
  documentsOf,
  duplicateApplication,
  duplicateMember,
  findApplication,
  findApplicationByHash,
  findDocument,
  insertApplication,
  insertComment,
  insertDocument,
  lockApplication,
  queue,
  queueCounts,
  updateApplication,
} from './application-queries.ts';
import { MAX_DOCUMENTS, type DisqualifyInput, type DraftApplication } from './forms.ts';
import { findMemberById, insertEvent, updateMember } from './queries.ts';
import { linkContact } from './space.ts';
import { reindexSearch } from '../search/indexer.ts';
import { addressKey, claimQuota, DRAFT_LIFETIME_DAYS } from './draft-limits.ts';
import { HttpError } from '../web/http-error.ts';

type Ctx = Pick<AppContext, 'db' | 'jobs' | 'files' | 'config' | 'pageCache'>;
type Application = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/** Statuses in which the applicant may still change the application through the link. */
export const EDITABLE = ['draft', 'needs_information'] as const;
export const QUEUE_STATUSES = ['submitted', 'needs_information', 'recommended', 'not_recommended', 'deferred', 'approved', 'rejected'] as const;
const DECIDABLE = ['submitted', 'needs_information', 'recommended', 'not_recommended', 'deferred'];

export class ApplicationStateError extends Error {}
export class DocumentQuotaError extends Error {}

/** Mails from the public form (draft links, acknowledgements) to one address. */
const APPLICANT_MAIL_LIMIT = { max: 5, windowMs: 24 * 3600_000 };

const isEditable = (status: string) => (EDITABLE as readonly string[]).includes(status);
const langOf = (application: { lang: string }): Lang => (isLang(application.lang) ? application.lang : 'en');

function contactsFrom(data: DraftApplication): Contacts {
  return {
    focal: { name: data.focal_name, email: data.email, phone: data.focal_phone },
    head: { name: data.head_name, title: data.head_title },
    general: { email: data.general_email },
  };
}

export interface SaveResult {
  id: number;
  /** A fresh secret link, when one was made (new application): the caller redirects to it. */
  token: string;
  submitted: boolean;
  /** True when the city is not in the offline gazetteer (reported, never guessed). */
  cityNotFound: boolean;
}

/**
 * Creates or updates an application from the public form. A new one gets a secret link, mailed to
 * the applicant; submitting sends it to the secretariat's queue and acknowledges it by mail in the
 * applicant's language. A second application from the same organisation or e-mail is flagged.
 */
export async function saveApplication(
  ctx: Ctx,
  input: { token: string | null; data: DraftApplication; files: UploadedFile[]; lang: Lang; submit: boolean; address?: string },
): Promise<SaveResult> {
  const { data, lang } = input;
  const place = data.city && data.country ? new Gazetteer().find(data.city, data.country) : null;
  // Stored before the transaction (the storage is not the database), and removed again when the
  // transaction does not commit, so a refused or failed save leaves no file behind.
  const keys = await Promise.all(input.files.map((file) => putUpload(ctx.files, file)));
  try {
    return await saveInTransaction(ctx, input, keys, place);
  } catch (error) {
    await Promise.all(keys.map((key) => ctx.files.delete(key).catch(() => {})));
    throw error;
  }
}

async function saveInTransaction(
  ctx: Ctx,
  input: { token: string | null; data: DraftApplication; files: UploadedFile[]; lang: Lang; submit: boolean; address?: string },
  keys: string[],
  place: ReturnType<Gazetteer['find']>,
): Promise<SaveResult> {
  const { data, lang } = input;
  const token = input.token ?? newToken();
  // The visitor's address for the quota; absent for applications written by our own code.
  const from = input.address === undefined ? null : addressKey(input.address);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = input.token ? await findApplicationByHash(trx, hashToken(input.token)) : undefined;
    if (input.token && !existing) throw new ApplicationStateError('not found');
    if (existing && !isEditable(existing.status)) throw new ApplicationStateError('locked');
    const quotaKey = existing ? existing.created_from : from;
    if (quotaKey) await claimQuota(trx, quotaKey, { newDraft: !existing, bytes: input.files.reduce((sum, file) => sum + sizeOf(file), 0) });
    const values = {
      lang,
      email: data.email,
      organisation_name: data.organisation_name,
      name_key: nameKey(data.organisation_name),
      kind: data.kind ?? null,
      category: data.category ?? null,
      country: data.country ?? null,
      city: data.city || null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      website: data.website || null,
      contacts: JSON.stringify(contactsFrom(data)),
      signatory_name: data.signatory_name || null,
      signatory_title: data.signatory_title || null,
      sse_situation: data.sse_situation || null,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await updateApplication(trx, id, values);
    } else {
      id = (await insertApplication(trx, { ...values, token_hash: hashToken(token), created_from: from })).id;
      await insertEvent(trx, { applicationId: id, action: 'application_started', actorId: null });
    }
    const already = (await documentsOf(trx, id)).length;
    // The form counts too (routes.tsx); this is the backstop for two saves of one draft at once.
    if (already + input.files.length > MAX_DOCUMENTS) throw new DocumentQuotaError('documents');
    for (const [index, file] of input.files.entries()) {
      await insertDocument(trx, { application_id: id, file_key: keys[index]!, file_name: file.fileName.slice(0, 200) || 'document', mime: file.mime, size: sizeOf(file) });
    }
    const link = `${ctx.config.baseUrl}/${lang}/join/${token}`;
    const t = translator(lang);
    if (input.submit) {
      const [dupApplication, dupMember] = await Promise.all([
        duplicateApplication(trx, { id, email: data.email, nameKey: nameKey(data.organisation_name) }),
        duplicateMember(trx, { dedupKey: organisationKey(data.organisation_name, data.city, data.country), nameKey: nameKey(data.organisation_name), email: data.email }),
      ]);
      await updateApplication(trx, id, {
        status: 'submitted',
        submitted_at: new Date(),
        duplicate_application_id: dupApplication?.id ?? null,
        duplicate_member_id: dupMember?.id ?? null,
      });
      const resubmitted = existing?.status === 'needs_information';
      await insertEvent(trx, { applicationId: id, action: resubmitted ? 'resubmitted' : 'submitted', actorId: null });
      await noticeStaff(trx, ctx, resubmitted ? 'application.information' : 'application.received', { subject: data.organisation_name, path: `/admin/applications/${id}` });
      // The address is the visitor's word only: nothing they wrote goes into these mails, and one
      // address gets a few of them a day at most, however many applications name it.
      if (await mayMail(trx, 'membership', data.email, APPLICANT_MAIL_LIMIT)) {
        await queueMail(trx, ctx.jobs, 'membership.acknowledgement', {
          to: data.email,
          subject: t('join.mail.ack.subject'),
          text: t('join.mail.ack.body', { link: input.token ? '' : link }).trim(),
        });
      }
    } else if (!existing && (await mayMail(trx, 'membership', data.email, APPLICANT_MAIL_LIMIT))) {
      await queueMail(trx, ctx.jobs, 'membership.draft-link', {
        to: data.email,
        subject: t('join.mail.draft.subject'),
        text: t('join.mail.draft.body', { link }),
      });
    }
    return { id, token, submitted: input.submit, cityNotFound: Boolean(data.city && data.country && !place) };
  });
}

/**
 * Whether the applicant's link is still of use: while the application can be changed, for as long
 * as a draft lives (DRAFT_LIFETIME_DAYS since its last change; the expiry job deletes it after);
 * while it is being reviewed, to follow it; no longer once it is decided (approved or rejected).
 */
export function applicantLinkExpired(application: { status: string; updated_at: Date }, now = Date.now()): boolean {
  if (application.status === 'approved' || application.status === 'rejected') return true;
  if (!isEditable(application.status)) return false;
  return now - application.updated_at.getTime() > DRAFT_LIFETIME_DAYS * 24 * 3600_000;
}

/** The applicant's own application, through the secret link; null for an unknown link, 410 for an expired one. */
export async function applicationForApplicant(db: Ctx['db'], token: string) {
  const application = await findApplicationByHash(db, hashToken(token));
  if (!application) return null;
  if (applicantLinkExpired(application)) throw new HttpError(410, 'join.error.link_expired');
  const documents = await documentsOf(db, application.id);
  return { application, documents, editable: isEditable(application.status) };
}

export async function applicationQueue(db: Ctx['db'], statuses: string[]) {
  const [rows, counts] = await Promise.all([queue(db, statuses), queueCounts(db)]);
  return { rows, counts };
}

/**
 * The one rule for what the back-office may see of an application: nothing of a draft (it is the
 * applicant's until submitted), neither its page nor its documents.
 */
function seenByStaff<T extends { status: string }>(application: T | undefined): application is T {
  return application !== undefined && application.status !== 'draft';
}

export async function applicationDetail(db: Ctx['db'], id: number) {
  const application = await findApplication(db, id);
  if (!seenByStaff(application)) return null;
  const [documents, comments, events, decisions, member] = await Promise.all([
    documentsOf(db, id),
    commentsOf(db, id),
    applicationEvents(db, id),
    decisionsOnApplication(db, id),
    application.member_id ? findMemberById(db, application.member_id) : Promise.resolve(undefined),
  ]);
  return { application, documents, comments, events, decisions, memberSlug: member?.slug ?? null, decidable: DECIDABLE.includes(application.status) };
}

export async function applicationDocument(ctx: Ctx, applicationId: number, documentId: number) {
  if (!seenByStaff(await findApplication(ctx.db, applicationId))) return null;
  const document = await findDocument(ctx.db, applicationId, documentId);
  if (!document) return null;
  const content = await ctx.files.get(document.file_key);
  return content ? { ...document, content } : null;
}

async function locked(trx: Transaction<DB>, id: number): Promise<Application> {
  const application = await lockApplication(trx, id);
  if (!seenByStaff(application)) throw new ApplicationStateError('not found');
  return application;
}

/** The secretariat's recommendation; asking for more information mails the applicant a new link. */
export async function reviewApplication(ctx: Ctx, id: number, actorId: number, input: { status: 'needs_information' | 'recommended' | 'not_recommended'; comment: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const application = await locked(trx, id);
    if (!DECIDABLE.includes(application.status)) throw new ApplicationStateError('decided');
    const update: Parameters<typeof updateApplication>[2] = { status: input.status };
    let link = '';
    if (input.status === 'needs_information') {
      const token = newToken();
      update.token_hash = hashToken(token);
      link = `${ctx.config.baseUrl}/${application.lang}/join/${token}`;
    }
    await updateApplication(trx, id, update);
    if (input.comment) await insertComment(trx, { application_id: id, author_id: actorId, body: input.comment });
    await insertEvent(trx, { applicationId: id, action: `review_${input.status}`, reason: input.comment, actorId });
    await recordAudit(trx, { actorId, action: `membership.review.${input.status}`, entityType: 'membership_application', entityId: id });
    if (input.status === 'needs_information') {
      const t = translator(langOf(application));
      await queueMail(trx, ctx.jobs, 'membership.request-information', {
        to: application.email,
        subject: t('join.mail.rfi.subject'),
        text: t('join.mail.rfi.body', { organisation: application.organisation_name, request: input.comment, link }),
      });
    }
  });
}

export async function commentOnApplication(ctx: Ctx, id: number, actorId: number, comment: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await locked(trx, id);
    await insertComment(trx, { application_id: id, author_id: actorId, body: comment });
    await recordAudit(trx, { actorId, action: 'membership.comment', entityType: 'membership_application', entityId: id });
  });
}

export interface DecisionFields {
  meeting_id: number;
  outcome: 'approved' | 'rejected' | 'deferred';
  method: 'vote' | 'consensus';
  votes_for: number | null;
  votes_against: number | null;
  abstentions: number | null;
  note: string;
}

/**
 * The steering committee's decision, recorded against one of its meetings. On approval the member
 * is created with its fee pending: full membership starts when the fee is settled.
 */
export async function decideApplication(ctx: Ctx, id: number, actorId: number, input: DecisionFields): Promise<{ memberSlug: string | null }> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const application = await locked(trx, id);
    if (!DECIDABLE.includes(application.status)) throw new ApplicationStateError('decided');
    const meeting = await meetingById(trx, input.meeting_id);
    if (!meeting) throw new ApplicationStateError('meeting');
    let memberId: number | null = null;
    let memberSlug: string | null = null;
    if (input.outcome === 'approved') {
      const organisation = await findOrCreateOrganisation(
        trx,
        { name: application.organisation_name, lang: langOf(application), kind: application.kind === 'other_organisation' ? 'other' : (application.kind ?? 'other'), city: application.city, country: application.country, website: application.website, latitude: application.latitude, longitude: application.longitude },
        application.latitude === null && application.city ? new Gazetteer() : undefined,
      );
      const taken = await trx.selectFrom('members').select('id').where('organisation_id', '=', organisation.id).executeTakeFirst();
      if (taken) throw new ApplicationStateError('already_member');
      memberSlug = await uniqueSlug(slugify(application.organisation_name), async (candidate) =>
        Boolean(await trx.selectFrom('members').select('id').where('slug', '=', candidate).executeTakeFirst()),
      );
      const member = await trx
        .insertInto('members')
        .values({
          slug: memberSlug,
          organisation_id: organisation.id,
          kind: application.kind ?? 'other_organisation',
          category: application.category ?? 'other_stakeholder',
          status: 'applicant',
          fee_status: 'pending',
          contacts: JSON.stringify(application.contacts),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      memberId = member.id;
      await reindexSearch(trx, 'member', [member.id]);
      // The applicant's address becomes the member's first contact: invited as the secretariat would.
      await linkContact(trx, ctx, member.id, actorId, { email: application.email, name: application.contacts.focal?.name || application.organisation_name, lang: langOf(application) });
    }
    await recordDecision(trx, {
      meetingId: meeting.id,
      kind: 'membership',
      outcome: input.outcome,
      method: input.method,
      votesFor: input.votes_for,
      votesAgainst: input.votes_against,
      abstentions: input.abstentions,
      applicationId: id,
      memberId,
      note: input.note,
      recordedBy: actorId,
    });
    await updateApplication(trx, id, { status: input.outcome, member_id: memberId });
    const today = new Date().toISOString().slice(0, 10);
    await insertEvent(trx, {
      applicationId: id,
      memberId,
      action: `decision_${input.outcome}`,
      status: input.outcome === 'approved' ? 'applicant' : null,
      effectiveOn: input.outcome === 'approved' ? today : null,
      reason: [input.method === 'vote' ? `${input.votes_for ?? 0}/${input.votes_against ?? 0}/${input.abstentions ?? 0}` : 'consensus', meeting.slug, input.note].filter(Boolean).join(' · '),
      actorId,
    });
    await recordAudit(trx, { actorId, action: `membership.decision.${input.outcome}`, entityType: 'membership_application', entityId: id, details: { meeting: meeting.slug, memberId } });
    if (input.outcome !== 'deferred') {
      const t = translator(langOf(application));
      await queueMail(trx, ctx.jobs, `membership.${input.outcome}`, {
        to: application.email,
        subject: t(`join.mail.${input.outcome}.subject`),
        text: t(`join.mail.${input.outcome}.body`, { organisation: application.organisation_name }),
      });
    }
    return { memberSlug };
  });
  if (result.memberSlug) await ctx.pageCache.invalidate();
  return result;
}

/** The fee is settled (paid or waived): full membership starts today, and the member is welcomed. */
export async function settleFee(ctx: Ctx, memberId: number, actorId: number, input: { fee: 'paid' | 'waived'; note: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const member = await findMemberById(trx, memberId);
    if (!member || member.fee_status !== 'pending' || member.status !== 'applicant') throw new ApplicationStateError('fee');
    // Once the fees module holds a fee for the member, its payment or waiver is recorded there (with amount and receipt).
    if (await trx.selectFrom('fees').select('id').where('member_id', '=', memberId).executeTakeFirst()) throw new ApplicationStateError('fee');
    await updateMember(trx, memberId, { fee_status: input.fee });
    await insertEvent(trx, { memberId, action: `fee_${input.fee}`, reason: input.note, actorId });
    await recordAudit(trx, { actorId, action: `membership.fee.${input.fee}`, entityType: 'member', entityId: memberId });
    await activateMember(trx, ctx, memberId, actorId);
  });
  await ctx.pageCache.invalidate();
}

/**
 * Approval before payment: a member the committee approved (still an applicant) becomes active
 * when its first fee is paid or waived, and is welcomed. Called in the transaction that settles the
 * fee (here or in the fees module); does nothing for a member that is not an approved applicant.
 */
export async function activateMember(trx: Transaction<DB>, ctx: Pick<Ctx, 'jobs' | 'config'>, memberId: number, actorId: number | null): Promise<boolean> {
  const member = await findMemberById(trx, memberId);
  if (!member || member.status !== 'applicant') return false;
  const approved = await trx.selectFrom('meeting_decisions').select('id').where('member_id', '=', memberId).where('kind', '=', 'membership').where('outcome', '=', 'approved').executeTakeFirst();
  if (!approved) return false;
  const today = new Date().toISOString().slice(0, 10);
  await updateMember(trx, memberId, { status: 'active', joined_on: today });
  await insertEvent(trx, { memberId, action: 'activated', status: 'active', effectiveOn: today, actorId });
  const application = await trx.selectFrom('membership_applications').select(['lang', 'email', 'organisation_name']).where('member_id', '=', memberId).executeTakeFirst();
  const to = application?.email ?? member.contacts.focal?.email;
  if (to) {
    const t = translator(application ? langOf(application) : 'en');
    await queueMail(trx, ctx.jobs, 'membership.welcome', {
      to,
      subject: t('join.mail.welcome.subject'),
      text: t('join.mail.welcome.body', { organisation: application?.organisation_name ?? member.slug, link: `${ctx.config.baseUrl}/${application?.lang ?? 'en'}/members/${member.slug}` }),
    });
  }
  return true;
}

/** Withdrawal (on the member's written request) or disqualification (by decision), with the reason. */
export async function endMembership(ctx: Ctx, memberId: number, actorId: number, input: { outcome: 'withdrawn' | 'disqualified'; reason: string; effective_on: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const member = await findMemberById(trx, memberId);
    if (!member || member.status === 'withdrawn' || member.status === 'disqualified') throw new ApplicationStateError('ended');
    if (input.outcome !== 'withdrawn') throw new ApplicationStateError('needs_decision');
    await updateMember(trx, memberId, { status: input.outcome });
    await insertEvent(trx, { memberId, action: input.outcome === 'withdrawn' ? 'withdrawal' : 'disqualification', status: input.outcome, effectiveOn: input.effective_on, reason: input.reason, actorId });
    await recordAudit(trx, { actorId, action: `membership.${input.outcome}`, entityType: 'member', entityId: memberId, details: { reason: input.reason } });
  });
  await ctx.pageCache.invalidate();
}

/**
 * Suspension (of an active member) or reinstatement (of a suspended one), with the reason, in the
 * member's timeline and the audit log.
 */
export async function changeMemberStatus(ctx: Ctx, memberId: number, actorId: number, change: 'suspend' | 'reinstate', input: { change_reason: string; change_on: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const member = await findMemberById(trx, memberId);
    if (!member) throw new ApplicationStateError('not found');
    const [from, to, action] = change === 'suspend' ? (['active', 'suspended', 'suspension'] as const) : (['suspended', 'active', 'reinstatement'] as const);
    if (member.status !== from) throw new ApplicationStateError(change === 'suspend' ? 'not_active' : 'not_suspended');
    await updateMember(trx, memberId, { status: to });
    await insertEvent(trx, { memberId, action, status: to, effectiveOn: input.change_on, reason: input.change_reason, actorId });
    await recordAudit(trx, { actorId, action: `membership.${to === 'active' ? 'reinstated' : 'suspended'}`, entityType: 'member', entityId: memberId, details: { reason: input.change_reason, effectiveOn: input.change_on } });
  });
  await ctx.pageCache.invalidate();
}

/**
 * A disqualification decided by the steering committee: recorded as a membership decision of one of
 * its meetings, linked to the member, and applied in the same transaction (timeline and audit).
 */
export async function disqualifyMember(ctx: Ctx, memberId: number, actorId: number, input: DisqualifyInput) {
  await ctx.db.transaction().execute(async (trx) => {
    const member = await findMemberById(trx, memberId);
    if (!member) throw new ApplicationStateError('not found');
    if (member.status === 'withdrawn' || member.status === 'disqualified') throw new ApplicationStateError('ended');
    const meeting = await committeeMeetingById(trx, input.meeting_id);
    if (!meeting) throw new ApplicationStateError('meeting');
    const decision = await recordDecision(trx, {
      meetingId: meeting.id,
      kind: 'membership',
      outcome: 'approved',
      method: input.method,
      votesFor: input.votes_for,
      votesAgainst: input.votes_against,
      abstentions: input.abstentions,
      memberId,
      note: input.disqualify_reason,
      recordedBy: actorId,
    });
    await updateMember(trx, memberId, { status: 'disqualified' });
    await insertEvent(trx, {
      memberId,
      action: 'disqualification',
      status: 'disqualified',
      effectiveOn: input.disqualify_on,
      reason: [meeting.slug, input.method === 'vote' ? `${input.votes_for ?? 0}/${input.votes_against ?? 0}/${input.abstentions ?? 0}` : 'consensus', input.disqualify_reason].join(' · '),
      actorId,
      decisionId: decision.id,
    });
    await recordAudit(trx, { actorId, action: 'membership.disqualified', entityType: 'member', entityId: memberId, details: { reason: input.disqualify_reason, meeting: meeting.slug, decision: decision.id } });
  });
  await ctx.pageCache.invalidate();
}

export async function setTarget(ctx: Ctx, actorId: number, input: { baseline: number; target: number; deadline: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('membership_targets')
      .values({ ...input, set_by: actorId })
      .onConflict((oc) => oc.column('deadline').doUpdateSet({ baseline: input.baseline, target: input.target, set_by: actorId }))
      .execute();
    await recordAudit(trx, { actorId, action: 'membership.target', entityType: 'membership_target', entityId: input.deadline, details: input });
  });
}
