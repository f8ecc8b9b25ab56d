import { sql } from 'kysely';
import { runStandaloneBench } from './standalone.ts';
import { formatSearchLatency, measureSearch, syntheticSearchIndex } from './synthetic/search.ts';

/**
 * The search alone: `node --import tsx bench/search.ts` (also part of `npm run bench`). A throw-away
 * database with the GSEF seed and 100,000 synthetic items in the index; prints p50/p95 per query.
 */
await runStandaloneBench('search-bench', async ({ database, log }) => {
  const started = performance.now();
  await syntheticSearchIndex.seed(database.db);
  log(`indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // As autovacuum leaves a site at rest after a bulk import (and not running during the measures).
  await sql`VACUUM ANALYZE`.execute(database.db);
  console.log(formatSearchLatency(await measureSearch(database.db)));
});
