import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../db/types.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Mandates current on `today` (no end, or ending later), with who holds them, in display order. */
export function currentMandates(db: Db, today: string) {
  return db
    .selectFrom('mandates as m')
    .leftJoin('members', 'members.id', 'm.member_id')
    .leftJoin('organisations as o', 'o.id', 'members.organisation_id')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.body_id', 'm.role', 'm.region', 'm.starts_on', 'm.ends_on', 'm.holder_form', 'members.slug as member_slug', 'o.name as member_name',
      'p.name as person_name', 'p.slug as person_slug', 'p.title as person_title', 'p.grammatical_form as person_form'])
    .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today)]))
    .orderBy('m.body_id')
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
}

export function mandatesOfMember(db: Db, memberId: number) {
  return db
    .selectFrom('mandates as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.role', 'm.region', 'm.starts_on', 'm.ends_on', 'm.holder_form', 'b.name as body_name', 'b.slug as body_slug'])
    .where('m.member_id', '=', memberId)
    .orderBy('m.starts_on', 'desc')
    .execute();
}

/** Meetings the public may see (published), with their bodies. */
export function publishedMeetings(db: Db) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('bodies as b', 'b.id', 'mt.body_id')
    .select(['mt.id', 'mt.slug', 'mt.starts_on', 'mt.ends_on', 'mt.date_precision', 'mt.format', 'mt.city', 'mt.country',
      sql<DB['meetings']['summary']>`CASE WHEN mt.summary_published THEN mt.summary END`.as('summary'), 'b.name as body_name', 'b.slug as body_slug'])
    .where('mt.published', '=', true)
    .orderBy('mt.starts_on', 'desc')
    .execute();
}

export function agendaOf(db: Db, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('meeting_agenda_items').select(['id', 'meeting_id', 'position', 'title']).where('meeting_id', 'in', meetingIds).orderBy('position').execute();
}

/** Every meeting, for the back-office (decisions are recorded against one). */
export function allMeetings(db: Db) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('bodies as b', 'b.id', 'mt.body_id')
    .select(['mt.id', 'mt.slug', 'mt.starts_on', 'mt.format', 'b.name as body_name', 'b.kind as body_kind'])
    .orderBy('mt.starts_on', 'desc')
    .execute();
}

export function findMeeting(db: Db, id: number) {
  return db.selectFrom('meetings').select(['id', 'slug', 'starts_on', 'body_id']).where('id', '=', id).executeTakeFirst();
}

export function insertDecision(db: Db, values: Insertable<DB['meeting_decisions']>) {
  return db.insertInto('meeting_decisions').values(values).returning('id').executeTakeFirstOrThrow();
}

export function decisionsOf(db: Db, applicationId: number) {
  return db
    .selectFrom('meeting_decisions as d')
    .innerJoin('meetings as mt', 'mt.id', 'd.meeting_id')
    .select(['d.id', 'd.outcome', 'd.method', 'd.votes_for', 'd.votes_against', 'd.abstentions', 'd.note', 'd.created_at', 'mt.slug as meeting_slug', 'mt.starts_on'])
    .where('d.application_id', '=', applicationId)
    .orderBy('d.id')
    .execute();
}

export function allBodies(db: Db) {
  return db.selectFrom('bodies').select(['id', 'slug', 'kind', 'name', 'description', 'seats', 'meets']).orderBy('position').orderBy('id').execute();
}

export function meetingDetail(db: Db, id: number) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('bodies as b', 'b.id', 'mt.body_id')
    .selectAll('mt')
    .select(['b.name as body_name', 'b.slug as body_slug'])
    .where('mt.id', '=', id)
    .executeTakeFirst();
}

export function decisionsOfMeeting(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_decisions as d')
    .leftJoin('membership_applications as a', 'a.id', 'd.application_id')
    .select(['d.id', 'd.kind', 'd.outcome', 'd.method', 'd.votes_for', 'd.votes_against', 'd.abstentions', 'd.note', 'd.application_id', 'a.organisation_name'])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.id')
    .execute();
}

export function insertMeeting(db: Db, values: Insertable<DB['meetings']>) {
  return db.insertInto('meetings').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateMeeting(db: Db, id: number, values: Updateable<DB['meetings']>) {
  return db.updateTable('meetings').set(values).where('id', '=', id).execute();
}

export async function appendAgendaItem(db: Db, meetingId: number, title: string) {
  const last = await db.selectFrom('meeting_agenda_items').select((eb) => eb.fn.max('position').as('max')).where('meeting_id', '=', meetingId).executeTakeFirst();
  await db.insertInto('meeting_agenda_items').values({ meeting_id: meetingId, position: (last?.max ?? -1) + 1, title }).execute();
}

export function bodyBySlug(db: Db, slug: string) {
  return db.selectFrom('bodies').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
}

export function allMandates(db: Db) {
  return db
    .selectFrom('mandates as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .leftJoin('members', 'members.id', 'm.member_id')
    .leftJoin('organisations as o', 'o.id', 'members.organisation_id')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.role', 'm.region', 'm.starts_on', 'm.ends_on', 'b.name as body_name', 'b.slug as body_slug', 'o.name as member_name', 'p.name as person_name', 'p.slug as person_slug',
      'm.holder_form', 'p.grammatical_form as person_form'])
    .orderBy('b.position')
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
}

export function memberOptions(db: Db) {
  return db
    .selectFrom('members')
    .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
    .select(['members.id', 'members.slug', 'o.name'])
    .where('members.status', 'in', ['active', 'applicant', 'suspended'])
    .orderBy('members.slug')
    .execute();
}

export async function personBySlugOrNew(db: Db, name: string, slug: string) {
  const existing = await db.selectFrom('people').select('id').where('slug', '=', slug).executeTakeFirst();
  if (existing) return existing.id;
  return (await db.insertInto('people').values({ slug, name }).returning('id').executeTakeFirstOrThrow()).id;
}

export function insertMandate(db: Db, values: Insertable<DB['mandates']>) {
  return db.insertInto('mandates').values(values).returning('id').executeTakeFirstOrThrow();
}

export function endMandateRow(db: Db, id: number, endsOn: string) {
  return db.updateTable('mandates').set({ ends_on: endsOn }).where('id', '=', id).where('ends_on', 'is', null).where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', endsOn)])).executeTakeFirst();
}

export function memberIdBySlug(db: Db, slug: string) {
  return db.selectFrom('members').select('id').where('slug', '=', slug).executeTakeFirst();
}

export function insertAttachment(db: Db, values: Insertable<DB['meeting_attachments']>) {
  return db.insertInto('meeting_attachments').values(values).returning('id').executeTakeFirstOrThrow();
}

export function attachmentsOfMeeting(db: Db, meetingId: number) {
  return db.selectFrom('meeting_attachments').select(['id', 'file_name', 'mime', 'size', 'public', 'created_at']).where('meeting_id', '=', meetingId).orderBy('id').execute();
}

/** An attachment with what decides who may read it: its own flag and its meeting's publication. */
export function findAttachment(db: Db, id: number) {
  return db
    .selectFrom('meeting_attachments as a')
    .innerJoin('meetings as mt', 'mt.id', 'a.meeting_id')
    .select(['a.id', 'a.meeting_id', 'a.file_key', 'a.file_name', 'a.mime', 'a.public', 'mt.published', 'mt.summary_published'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Attachments the public may read, of the given (published) meetings. */
export function publicAttachmentsOf(db: Db, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_attachments as a')
    .innerJoin('meetings as mt', 'mt.id', 'a.meeting_id')
    .select(['a.id', 'a.meeting_id', 'a.file_name', 'a.mime', 'a.size'])
    .where('a.meeting_id', 'in', meetingIds)
    .where('a.public', '=', true)
    .where('mt.published', '=', true)
    .where('mt.summary_published', '=', true)
    .orderBy('a.id')
    .execute();
}

export function setAttachmentPublic(db: Db, meetingId: number, id: number, value: boolean) {
  return db.updateTable('meeting_attachments').set({ public: value }).where('id', '=', id).where('meeting_id', '=', meetingId).executeTakeFirst();
}

/** Steering-committee meetings, for decisions that only that body takes. */
export function committeeMeeting(db: Db, id: number) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('bodies as b', 'b.id', 'mt.body_id')
    .select(['mt.id', 'mt.slug', 'mt.starts_on'])
    .where('mt.id', '=', id)
    .where('b.kind', '=', 'steering_committee')
    .executeTakeFirst();
}
