import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seed } from '../src/seed/load.ts';
import { Cleanup } from './cleanup.ts';
import { createBenchDatabase } from './database.ts';
import { formatSearchLatency, measureSearch, syntheticSearchIndex } from './synthetic/search.ts';

/**
 * The search alone: `node --import tsx bench/search.ts` (also part of `npm run bench`). A throw-away
 * database with the GSEF seed and 100,000 synthetic items in the index; prints p50/p95 per query.
 */
const log = (message: string) => console.error(`search-bench: ${message}`);
const cleanup = new Cleanup();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-search-'));
cleanup.defer('remove the data folder', () => fs.rm(dataDir, { recursive: true, force: true }));
try {
  const { url } = await createBenchDatabase(dataDir, cleanup, log);
  const database = connect(url, 4);
  cleanup.defer('close', () => database.close());
  await migrate(database.pool);
  await seed(database.db);
  const started = performance.now();
  await syntheticSearchIndex.seed(database.db);
  log(`indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // As autovacuum leaves a site at rest after a bulk import (and not running during the measures).
  await sql`VACUUM ANALYZE`.execute(database.db);
  console.log(formatSearchLatency(await measureSearch(database.db)));
} finally {
  await cleanup.run(log);
}
