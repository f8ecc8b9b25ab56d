import type { Kysely, Transaction } from 'kysely';
import { reindexSearch } from '../search/indexer.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB, GrammaticalForm } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { original, setText, sourceLang, type Translatable } from '../i18n/translatable.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import { sizeOf, type UploadSource } from '../web/uploads.ts';
import { putUpload } from '../storage/storage.ts';
import {
  agendaOf,
  allBodies,
  attachmentsOfMeeting,
  committeeMeeting,
  findAttachment,
  insertAttachment,
  publicAttachmentsOf,
  setAttachmentPublic,
  allMandates,
  endMandateRow,
  insertMandate,
  memberIdBySlug,
  memberOptions,
  personBySlugOrNew,
  allMeetings,
  appendAgendaItem,
  bodyBySlug,
  currentMandates,
  decisionsOf,
  decisionsOfMeeting,
  findMeeting,
  insertDecision,
  insertMeeting,
  mandatesOfMember,
  meetingDetail,
  publishedMeetings,
  updateMeeting,
} from './queries.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const MANDATE_ROLES = ['chair', 'co_chair', 'vice_chair', 'international_network', 'regional_network', 'member', 'advisor', 'secretary_general', 'observer'] as const;
export const MEETING_FORMATS = ['online', 'in_person', 'hybrid'] as const;

/** The governance page: each body with its current mandates, and published meetings split into past and upcoming. */
export async function governanceOverview(db: Db, today = new Date()) {
  const day = today.toISOString().slice(0, 10);
  const [bodies, mandates, meetings] = await Promise.all([allBodies(db), currentMandates(db, day), publishedMeetings(db)]);
  const ids = meetings.map((meeting) => meeting.id);
  const [agenda, attachments] = await Promise.all([agendaOf(db, ids), publicAttachmentsOf(db, ids)]);
  const withAgenda = meetings.map((meeting) => ({
    ...meeting,
    agenda: agenda.filter((item) => item.meeting_id === meeting.id),
    attachments: attachments.filter((file) => file.meeting_id === meeting.id),
  }));
  return {
    bodies: bodies.map((body) => ({ ...body, mandates: mandates.filter((mandate) => mandate.body_id === body.id) })),
    upcoming: withAgenda.filter((meeting) => meeting.ends_on >= day).reverse(),
    past: withAgenda.filter((meeting) => meeting.ends_on < day),
  };
}

export function mandatesForMember(db: Db, memberId: number) {
  return mandatesOfMember(db, memberId);
}

export function meetingsForDecisions(db: Db) {
  return allMeetings(db);
}

export function meetingById(db: Db, id: number) {
  return findMeeting(db, id);
}

export function decisionsOnApplication(db: Db, applicationId: number) {
  return decisionsOf(db, applicationId);
}

export interface DecisionInput {
  meetingId: number;
  kind: 'membership' | 'budget' | 'strategy' | 'other';
  outcome: 'approved' | 'rejected' | 'deferred';
  method: 'vote' | 'consensus';
  votesFor?: number | null;
  votesAgainst?: number | null;
  abstentions?: number | null;
  applicationId?: number | null;
  memberId?: number | null;
  note: string;
  recordedBy: number | null;
}

/** Records a decision taken in a meeting (call inside the transaction that applies it). */
export function recordDecision(trx: Db, input: DecisionInput) {
  return insertDecision(trx, {
    meeting_id: input.meetingId,
    kind: input.kind,
    outcome: input.outcome,
    method: input.method,
    votes_for: input.votesFor ?? null,
    votes_against: input.votesAgainst ?? null,
    abstentions: input.abstentions ?? null,
    application_id: input.applicationId ?? null,
    member_id: input.memberId ?? null,
    note: input.note,
    recorded_by: input.recordedBy,
  });
}

type Ctx = Pick<AppContext, 'db' | 'pageCache'>;

export async function meetingAdmin(db: Db, id: number) {
  const meeting = await meetingDetail(db, id);
  if (!meeting) return null;
  const [agenda, decisions, attachments] = await Promise.all([agendaOf(db, [id]), decisionsOfMeeting(db, id), attachmentsOfMeeting(db, id)]);
  return { meeting, agenda, decisions, attachments };
}

export class UnknownBodyError extends Error {}

export async function createMeeting(ctx: Ctx, actorId: number, input: { body: string; starts_on: string; ends_on?: string; format: 'online' | 'in_person' | 'hybrid'; city: string; country?: string; published: boolean }) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const body = await bodyBySlug(trx, input.body);
    if (!body) throw new UnknownBodyError();
    const slug = await uniqueSlug(slugify(`${body.slug}-${input.starts_on}`), async (candidate) =>
      Boolean(await trx.selectFrom('meetings').select('id').where('slug', '=', candidate).executeTakeFirst()),
    );
    const { id } = await insertMeeting(trx, {
      slug,
      body_id: body.id,
      starts_on: input.starts_on,
      ends_on: input.ends_on ?? input.starts_on,
      format: input.format,
      city: input.city || null,
      country: input.country ?? null,
      published: input.published,
    });
    await recordAudit(trx, { actorId, action: 'governance.meeting.create', entityType: 'meeting', entityId: id });
    await reindexSearch(trx, 'meeting', [id]);
    return id;
  });
  if (input.published) await ctx.pageCache.invalidate();
  return id;
}

/** Minutes (never public), the summary in one language, and what the public may see. */
export async function updateMeetingRecord(ctx: Ctx, actorId: number, id: number, input: { minutes: string; summary: string; summary_lang: Lang; published: boolean; summary_published: boolean }) {
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await meetingDetail(trx, id);
    if (!meeting) throw new UnknownBodyError();
    const current = meeting.summary ?? null;
    let summary: Translatable | null = current;
    if (input.summary) {
      const source = current ? sourceLang(current) : undefined;
      summary = setText(current ?? {}, input.summary_lang, input.summary, !source || source === input.summary_lang ? 'original' : 'human');
    }
    await updateMeeting(trx, id, {
      minutes: input.minutes || null,
      summary: summary ? JSON.stringify(summary) : null,
      published: input.published,
      summary_published: input.summary_published && summary !== null,
    });
    await recordAudit(trx, { actorId, action: 'governance.meeting.update', entityType: 'meeting', entityId: id, details: { published: input.published, summaryPublished: input.summary_published } });
    await reindexSearch(trx, 'meeting', [id]);
  });
  await ctx.pageCache.invalidate();
}

export async function addAgendaItem(ctx: Ctx, actorId: number, id: number, input: { title: string; title_lang: Lang }) {
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await meetingDetail(trx, id);
    if (!meeting) throw new UnknownBodyError();
    await appendAgendaItem(trx, id, JSON.stringify(original(input.title_lang, input.title)));
    await recordAudit(trx, { actorId, action: 'governance.agenda.add', entityType: 'meeting', entityId: id });
    await reindexSearch(trx, 'meeting', [id]);
  });
  await ctx.pageCache.invalidate();
}

export function bodiesForMeetings(db: Db) {
  return allBodies(db);
}

export function mandatesAdmin(db: Db) {
  return Promise.all([allMandates(db), allBodies(db), memberOptions(db)]).then(([mandates, bodies, members]) => ({ mandates, bodies, members }));
}

export class MandateError extends Error {}

/** A seat given to a member or a person (created by name if new) in a body, from a date. */
export async function addMandate(ctx: Ctx, actorId: number, input: { body: string; member: string; person: string; person_email?: string; person_lang?: Lang; role: string; region?: string; holder_form?: GrammaticalForm; starts_on: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const body = await bodyBySlug(trx, input.body);
    if (!body) throw new MandateError('body');
    const member = input.member ? await memberIdBySlug(trx, input.member) : null;
    if (input.member && !member) throw new MandateError('member');
    const personId = input.person ? await personBySlugOrNew(trx, input.person, slugify(input.person)) : null;
    if (personId && input.person_email) await trx.updateTable('people').set({ email: input.person_email, lang: input.person_lang ?? 'en' }).where('id', '=', personId).execute();
    const { id } = await insertMandate(trx, { body_id: body.id, member_id: member?.id ?? null, person_id: personId, role: input.role, region: input.region ?? null, holder_form: input.holder_form ?? null, starts_on: input.starts_on, position: 1000 });
    await recordAudit(trx, { actorId, action: 'governance.mandate.add', entityType: 'mandate', entityId: id });
    if (personId) await reindexSearch(trx, 'person', [personId]);
  });
  await ctx.pageCache.invalidate();
}

export async function endMandate(ctx: Ctx, actorId: number, id: number, endsOn: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const result = await endMandateRow(trx, id, endsOn);
    if (!result.numUpdatedRows) throw new MandateError('end');
    // The person leaves the search once no current seat is left.
    const { person_id: personId } = await trx.selectFrom('mandates').select('person_id').where('id', '=', id).executeTakeFirstOrThrow();
    if (personId) await reindexSearch(trx, 'person', [personId]);
    await recordAudit(trx, { actorId, action: 'governance.mandate.end', entityType: 'mandate', entityId: id, details: { endsOn } });
  });
  await ctx.pageCache.invalidate();
}

/** A steering-committee meeting by id (decisions on a membership are taken there), or undefined. */
export function committeeMeetingById(db: Db, id: number) {
  return committeeMeeting(db, id);
}

type AttachedFile = UploadSource & { fileName: string; mime: string };

/** Stores a file (already checked by content and size) and attaches it to a meeting, streamed from disk. */
export async function attachToMeeting(ctx: Ctx & Pick<AppContext, 'files'>, actorId: number, meetingId: number, file: AttachedFile, isPublic: boolean) {
  const meeting = await meetingDetail(ctx.db, meetingId);
  if (!meeting) throw new UnknownBodyError();
  const key = await putUpload(ctx.files, file);
  await storeAttachmentRow(ctx, actorId, meetingId, file, isPublic, key).catch(async (error: unknown) => {
    // Nothing refers to the stored bytes: remove them rather than leave an orphan.
    await ctx.files.delete(key).catch(() => {});
    throw error;
  });
  await ctx.pageCache.invalidate();
}

async function storeAttachmentRow(ctx: Ctx, actorId: number, meetingId: number, file: AttachedFile, isPublic: boolean, key: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await insertAttachment(trx, {
      meeting_id: meetingId,
      file_key: key,
      file_name: file.fileName.slice(0, 200) || 'attachment',
      mime: file.mime,
      size: sizeOf(file),
      public: isPublic,
      uploaded_by: actorId,
    });
    await recordAudit(trx, { actorId, action: 'governance.attachment.add', entityType: 'meeting', entityId: meetingId, details: { attachment: id, public: isPublic } });
  });
}

export async function setAttachmentVisibility(ctx: Ctx, actorId: number, meetingId: number, attachmentId: number, isPublic: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    const result = await setAttachmentPublic(trx, meetingId, attachmentId, isPublic);
    if (!result.numUpdatedRows) throw new UnknownBodyError();
    await recordAudit(trx, { actorId, action: 'governance.attachment.visibility', entityType: 'meeting', entityId: meetingId, details: { attachment: attachmentId, public: isPublic } });
  });
  await ctx.pageCache.invalidate();
}

/**
 * An attachment's bytes for a reader: members and staff (`forMembers`) read any; the public only
 * one marked public, of a published meeting whose summary is published.
 */
export async function attachmentFor(ctx: Pick<AppContext, 'db' | 'files'>, id: number, forMembers: boolean) {
  const found = await findAttachment(ctx.db, id);
  if (!found) return null;
  const open = found.public && found.published && found.summary_published;
  if (!forMembers && !open) return { allowed: false as const };
  const content = await ctx.files.get(found.file_key);
  return content ? { allowed: true as const, fileName: found.file_name, mime: found.mime, content } : null;
}
