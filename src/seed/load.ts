import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import { seedNetwork } from '../network/seed.ts';
import { seedMembers } from '../members/seed.ts';
import { seedGovernance } from '../governance/seed.ts';
import { seedActivities } from '../activities/seed.ts';
import { seedInitiatives } from '../initiatives/seed.ts';
import { seedSearchIndex } from '../search/seed.ts';
import { seedLibrary } from '../library/seed.ts';
import { seedNews } from '../news/seed.ts';
import { seedCalls } from '../calls/admin/seed.ts';

type Seeder = (trx: Transaction<DB>) => Promise<void>;

/**
 * Every module's part of the GSEF dataset, in dependency order. Each seeder matches rows by their
 * natural keys and updates them in place, so running the whole seed again changes nothing.
 */
const SEEDERS: Seeder[] = [seedNetwork, seedMembers, seedGovernance, seedActivities, seedInitiatives, seedLibrary, seedNews, seedCalls, /* keep last: indexes every module's rows */ seedSearchIndex];

/** Loads the GSEF dataset in one transaction: a failed run leaves nothing behind. */
export async function seed(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const seeder of SEEDERS) await seeder(trx);
  });
}
