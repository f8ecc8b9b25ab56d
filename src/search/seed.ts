import type { Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import { reindexSearch } from './indexer.ts';
import { searchSources } from './sources.ts';

/** Indexes every kind of every registered source; last of the seeders, once their rows exist. */
export async function seedSearchIndex(trx: Transaction<DB>): Promise<void> {
  for (const source of searchSources()) await reindexSearch(trx, source.kind);
}
