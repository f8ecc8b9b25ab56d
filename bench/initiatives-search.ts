import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seed } from '../src/seed/load.ts';
import { cleanFilters, initiativeArchive } from '../src/initiatives/domain.ts';
import { Cleanup } from './cleanup.ts';
import { createBenchDatabase } from './database.ts';
import { syntheticInitiatives } from './synthetic/initiatives.ts';

/**
 * Text search within the initiatives archive over N synthetic initiatives (default 50,000):
 * `node --import tsx bench/initiatives-search.ts [N]`. Prints the median time of the archive page
 * (count + page + facet counts) for a few searches. A figure, not a test.
 */
const size = Number(process.argv[2] ?? 50_000);
const log = (message: string) => console.error(`search-bench: ${message}`);
const cleanup = new Cleanup();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-search-'));
cleanup.defer('remove the data folder', () => fs.rm(dataDir, { recursive: true, force: true }));
try {
  const { url } = await createBenchDatabase(dataDir, cleanup, log);
  const database = connect(url, 10);
  cleanup.defer('close', () => database.close());
  await migrate(database.pool);
  await seed(database.db);
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
} finally {
  await cleanup.run(log);
}
