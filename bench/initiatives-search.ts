import { sql } from 'kysely';
import { cleanFilters, initiativeArchive } from '../src/initiatives/domain.ts';
import { runStandaloneBench } from './standalone.ts';
import { syntheticInitiatives } from './synthetic/initiatives.ts';

/**
 * Text search within the initiatives archive over N synthetic initiatives (default 50,000):
 * `node --import tsx bench/initiatives-search.ts [N]`. Prints the median time of the archive page
 * (count + page + facet counts) for a few searches. A figure, not a test.
 */
const size = Number(process.argv[2] ?? 50_000);
await runStandaloneBench('search-bench', async ({ database, log }) => {
  log(`generating ${size} initiatives`);
  await syntheticInitiatives.seed(database.db, size);
  await sql`ANALYZE`.execute(database.db);
  for (const q of ['coopérative', 'finance', 'Bilbao', 'économie sociale', 'zzzz-nothing', '이니셔티브']) {
    const filters = cleanFilters({ q });
    const times: number[] = [];
    let total = 0;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      total = (await initiativeArchive(database.db, filters, { limit: 20, offset: 0 })).total;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`q=${JSON.stringify(q)}: ${total} found, median ${times[1]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)} ms)`);
  }
}, 10);
