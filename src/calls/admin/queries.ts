import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The back-office list: every call with its forum and its submission counts, in one query. */
export function adminCalls(db: Db) {
  return db
    .selectFrom('calls')
    .leftJoin('activities', 'activities.id', 'calls.activity_id')
    .select([
      'calls.id', 'calls.slug', 'calls.title', 'calls.state', 'calls.opens_at', 'calls.closes_at', 'calls.time_zone', 'calls.received_count_reported',
      'activities.title as forum_title',
      sql<number>`(SELECT count(*) FROM submissions s WHERE s.call_id = calls.id AND s.state = 'submitted')::int`.as('submitted'),
      sql<number>`(SELECT count(*) FROM submissions s WHERE s.call_id = calls.id AND s.state = 'draft')::int`.as('drafts'),
      sql<number>`(SELECT count(*) FROM submissions s WHERE s.call_id = calls.id AND s.decision = 'accepted')::int`.as('accepted'),
    ])
    .orderBy('calls.opens_at', (ob) => ob.desc().nullsFirst())
    .orderBy('calls.id', 'desc')
    .execute();
}

export function callRow(db: Db, slug: string) {
  return db.selectFrom('calls').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function questionsOf(db: Db, callId: number) {
  return db.selectFrom('call_questions').selectAll().where('call_id', '=', callId).orderBy('position').execute();
}

/** The forums a call may belong to (activities of type forum), newest first. */
export function forums(db: Db) {
  return db.selectFrom('activities').select(['id', 'slug', 'title', 'start_date']).where('type', '=', 'forum').orderBy('start_date', 'desc').execute();
}

export function forumBySlug(db: Db, slug: string) {
  return db.selectFrom('activities').select(['id', 'slug']).where('type', '=', 'forum').where('slug', '=', slug).executeTakeFirst();
}

export function themes(db: Db) {
  return db.selectFrom('initiative_themes').select(['slug', 'name']).orderBy('position').execute();
}

export async function knownThemes(db: Db, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('initiative_themes').select('slug').where('slug', 'in', slugs).execute();
  return new Set(rows.map((row) => row.slug));
}
