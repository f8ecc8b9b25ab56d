import { sql } from 'kysely';
import { runStandaloneBench } from './standalone.ts';
import { measureArchiveSearch } from './synthetic/archive-search.ts';

/**
 * The archive's text search alone: `node --import tsx bench/initiatives-search.ts` (also part of
 * `npm run bench`). A throw-away database with the GSEF seed and 50,000 synthetic initiatives,
 * indexed for the site search; prints p50/p95 per query of the archive page's data. A figure, not a test.
 */
await runStandaloneBench('archive-search-bench', async ({ database }) => {
  await sql`VACUUM ANALYZE`.execute(database.db);
  console.log((await measureArchiveSearch(database.db)).text);
}, 10);
