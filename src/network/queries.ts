import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export function getProfile(db: Kysely<DB>) {
  return db.selectFrom('organisation_profile').selectAll().executeTakeFirst();
}

/** Every body in display order, or one page of them (the API pages in SQL, not by slicing them all). */
export function listBodies(db: Kysely<DB>, page?: { limit: number; offset: number }) {
  const query = db.selectFrom('bodies').selectAll().orderBy('position').orderBy('id');
  return (page ? query.limit(page.limit).offset(page.offset) : query).execute();
}

export async function countBodies(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('bodies').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

