import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import '../selection/tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A call's programme: its event's days, sessions and workshops, and the call's accepted submissions. */
export async function callProgramme(db: Db, callId: number, eventSlug: string) {
  const [days, sessions, workshops, items] = await Promise.all([
    db.selectFrom('programme_days').selectAll().where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('programme_sessions').selectAll().where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('programme_workshops').selectAll().where('event_slug', '=', eventSlug).orderBy('position').execute(),
    db.selectFrom('submissions').select(['id', 'title', 'organisation_name', 'country', 'workshop_id', 'code', 'version', 'initiative_id'])
      .where('call_id', '=', callId).where('state', '=', 'submitted').where('decision', '=', 'accepted')
      .orderBy(sql`string_to_array(code, '.')::int[]`).orderBy('id').execute(),
  ]);
  return { days, sessions, workshops, items };
}
export type CallProgramme = Awaited<ReturnType<typeof callProgramme>>;

/** The highest item number used under a workshop code, by the call's submissions or the event's initiatives. */
export async function lastItem(db: Db, callId: number, eventSlug: string, workshopCode: string): Promise<number> {
  const prefix = `${workshopCode}.`;
  const row = await sql<{ n: number | null }>`
    SELECT max(split_part(code, '.', 3)::int) AS n FROM (
      SELECT code FROM submissions WHERE call_id = ${callId} AND code LIKE ${`${prefix}%`}
      UNION ALL SELECT code FROM initiatives WHERE event_slug = ${eventSlug} AND code LIKE ${`${prefix}%`}
    ) codes WHERE code ~ '^[0-9]+\\.[0-9]+\\.[0-9]+$'`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

export async function nextPosition(db: Db, table: 'programme_days' | 'programme_sessions', eventSlug: string): Promise<number> {
  const row = await db.selectFrom(table).select(sql<number>`coalesce(max(position), 0)::int`.as('n')).where('event_slug', '=', eventSlug).executeTakeFirstOrThrow();
  return row.n + 1;
}

/** Accepted, placed submissions with what the archive needs of them. */
export function publishable(db: Db, callId: number) {
  return db.selectFrom('submissions')
    .select(['id', 'title', 'summary', 'source_lang', 'lang', 'organisation_name', 'city', 'country', 'latitude', 'longitude', 'presenters', 'links', 'themes', 'code', 'workshop_id', 'initiative_id'])
    .where('call_id', '=', callId).where('state', '=', 'submitted').where('decision', '=', 'accepted')
    .where('workshop_id', 'is not', null).where('code', 'is not', null).orderBy('id').execute();
}
