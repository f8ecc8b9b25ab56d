import { sql } from 'kysely';
import { runStandaloneBench } from './standalone.ts';
import { syntheticEvents } from './synthetic/activities.ts';
import { syntheticInitiatives } from './synthetic/initiatives.ts';
import { syntheticMembers } from './synthetic/members.ts';
import { measureStats } from './synthetic/stats.tsx';

/**
 * The figures alone: `node --import tsx bench/stats.tsx [size]` (also part of `npm run bench`). The
 * GSEF seed plus `size` synthetic members, activities and initiatives (default 1,000: more than ten
 * times the seeded data).
 */
const size = Number(process.argv[2] ?? 1000);
await runStandaloneBench('stats-bench', async ({ database, log }) => {
  for (const generator of [syntheticMembers, syntheticEvents, syntheticInitiatives]) log(`${generator.name}: ${await generator.seed(database.db, size)} rows`);
  await sql`VACUUM ANALYZE`.execute(database.db);
  console.log(await measureStats(database.db));
});
