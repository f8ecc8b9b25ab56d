import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';

type Db = Kysely<DB>;

const PUBLIC_COLUMNS = [
  'calls.id', 'calls.slug', 'calls.title', 'calls.body', 'calls.state', 'calls.opens_at', 'calls.closes_at', 'calls.time_zone', 'calls.themes',
  'calls.languages', 'calls.attachment_types', 'calls.attachment_max_bytes', 'calls.max_attachments', 'calls.received_count_reported',
  'calls.event_slug', 'calls.activity_id', 'calls.updated_at',
] as const;

/** Every call the public may see (all but drafts), newest closing date first. */
export function publicCalls(db: Db) {
  return db.selectFrom('calls').select(PUBLIC_COLUMNS).where('state', '!=', 'draft')
    .orderBy('closes_at', (ob) => ob.desc().nullsLast()).orderBy('id', 'desc').execute();
}

export function publicCall(db: Db, slug: string) {
  return db
    .selectFrom('calls')
    .leftJoin('activities', 'activities.id', 'calls.activity_id')
    .select([...PUBLIC_COLUMNS, 'activities.slug as forum_slug', 'activities.title as forum_title'])
    .where('calls.slug', '=', slug)
    .where('calls.state', '!=', 'draft')
    .executeTakeFirst();
}

export function questionsOf(db: Db, callId: number) {
  return db.selectFrom('call_questions').selectAll().where('call_id', '=', callId).orderBy('position').execute();
}

export function themeNames(db: Db, slugs: string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db.selectFrom('initiative_themes').select(['slug', 'name']).where('slug', 'in', slugs).orderBy('position').execute();
}

/** Accepted submissions whose decision is out, and the countries they come from. */
export async function selectedCounts(db: Db, callId: number) {
  return db
    .selectFrom('submissions')
    .select([sql<number>`count(*)::int`.as('selected'), sql<number>`count(DISTINCT country)::int`.as('countries')])
    .where('call_id', '=', callId)
    .where('decision', '=', 'accepted')
    .where('decision_released_at', 'is not', null)
    .executeTakeFirstOrThrow();
}

export function receivedCount(db: Db, callId: number) {
  return db.selectFrom('submissions').select(sql<number>`count(*)::int`.as('n')).where('call_id', '=', callId).where('state', '=', 'submitted').executeTakeFirstOrThrow();
}

export function callsOfActivity(db: Db, activityId: number) {
  return db.selectFrom('calls').select(PUBLIC_COLUMNS).where('activity_id', '=', activityId).where('state', '!=', 'draft').orderBy('id').execute();
}

/** Calls taking submissions now or announced to (state open, closing date still ahead). */
export function openCalls(db: Db, now: Date) {
  return db.selectFrom('calls').select(PUBLIC_COLUMNS).where('state', '=', 'open')
    .where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', now)]))
    .orderBy('closes_at').execute();
}

/** Closing dates of public calls, for the calendars. */
export function callDeadlines(db: Db, from?: Date, to?: Date) {
  let query = db.selectFrom('calls').select(PUBLIC_COLUMNS).where('state', '!=', 'draft').where('closes_at', 'is not', null);
  if (from) query = query.where('closes_at', '>=', from);
  if (to) query = query.where('closes_at', '<', to);
  return query.orderBy('closes_at').execute();
}
