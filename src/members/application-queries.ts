import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../db/types.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function findApplicationByHash(db: Db, tokenHash: string) {
  return db.selectFrom('membership_applications').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findApplication(db: Db, id: number) {
  return db.selectFrom('membership_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockApplication(trx: Transaction<DB>, id: number) {
  return trx.selectFrom('membership_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertApplication(db: Db, values: Insertable<DB['membership_applications']>) {
  return db.insertInto('membership_applications').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateApplication(db: Db, id: number, values: Updateable<DB['membership_applications']>) {
  return db.updateTable('membership_applications').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export function documentsOf(db: Db, applicationId: number) {
  return db.selectFrom('application_documents').select(['id', 'file_name', 'mime', 'size', 'file_key', 'created_at']).where('application_id', '=', applicationId).orderBy('id').execute();
}

export function insertDocument(db: Db, values: Insertable<DB['application_documents']>) {
  return db.insertInto('application_documents').values(values).execute();
}

export function findDocument(db: Db, applicationId: number, documentId: number) {
  return db.selectFrom('application_documents').selectAll().where('application_id', '=', applicationId).where('id', '=', documentId).executeTakeFirst();
}

export function commentsOf(db: Db, applicationId: number) {
  return db
    .selectFrom('application_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.body', 'c.created_at', 'u.email as author_email', 'u.name as author_name'])
    .where('c.application_id', '=', applicationId)
    .orderBy('c.id')
    .execute();
}

export function insertComment(db: Db, values: Insertable<DB['application_comments']>) {
  return db.insertInto('application_comments').values(values).execute();
}

export function applicationEvents(db: Db, applicationId: number) {
  return db
    .selectFrom('membership_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.action', 'e.status', 'e.effective_on', 'e.reason', 'e.at', 'u.email as actor_email', 'u.name as actor_name'])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** The secretariat's queue: every application past the draft stage, newest first. */
export function queue(db: Db, statuses: string[]) {
  let query = db
    .selectFrom('membership_applications')
    .select(['id', 'status', 'organisation_name', 'country', 'city', 'email', 'kind', 'submitted_at', 'duplicate_member_id', 'duplicate_application_id'])
    .where('status', '!=', 'draft');
  if (statuses.length) query = query.where('status', 'in', statuses as never);
  return query.orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute();
}

export async function queueCounts(db: Db) {
  const rows = await db
    .selectFrom('membership_applications')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', '!=', 'draft')
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])) as Record<string, number>;
}

/** Another application with this e-mail or this organisation name (not a draft, not this one). */
export function duplicateApplication(db: Db, input: { id: number | null; email: string; nameKey: string }) {
  let query = db
    .selectFrom('membership_applications')
    .select('id')
    .where((eb) => eb.or([eb('email', '=', input.email), eb('name_key', '=', input.nameKey)]))
    .where('status', 'not in', ['draft', 'rejected']);
  if (input.id) query = query.where('id', '!=', input.id);
  return query.orderBy('id').limit(1).executeTakeFirst();
}

/** A member whose organisation has this dedup key, or whose focal contact has this e-mail. */
export function duplicateMember(db: Db, input: { dedupKey: string; nameKey: string; email: string }) {
  return db
    .selectFrom('members')
    .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
    .select('members.id')
    .where((eb) =>
      eb.or([
        eb('o.dedup_key', '=', input.dedupKey),
        eb('o.dedup_key', 'like', `${input.nameKey.replace(/[%_\\]/g, '\\$&')}|%`),
        eb(sql`lower(members.contacts -> 'focal' ->> 'email')`, '=', input.email),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
}
