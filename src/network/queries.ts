import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export function getProfile(db: Kysely<DB>) {
  return db.selectFrom('organisation_profile').selectAll().executeTakeFirst();
}

export function listBodies(db: Kysely<DB>) {
  return db.selectFrom('bodies').selectAll().orderBy('position').orderBy('id').execute();
}
