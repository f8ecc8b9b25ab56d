import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seed } from '../src/seed/load.ts';
import { Cleanup } from './cleanup.ts';
import { createBenchDatabase } from './database.ts';
import { measureNewsletter } from './synthetic/newsletter.ts';

/**
 * Newsletter delivery alone: `node --import tsx bench/newsletter.ts [subscribers=10000] [rate]`
 * (also part of `npm run bench`). A throw-away database with the GSEF seed; prints messages/s.
 */
const size = Number(process.argv[2] ?? 10_000);
const rate = process.argv[3] ? Number(process.argv[3]) : undefined;
const log = (message: string) => console.error(`newsletter-bench: ${message}`);
const cleanup = new Cleanup();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-newsletter-'));
cleanup.defer('remove the data folder', () => fs.rm(dataDir, { recursive: true, force: true }));
try {
  const { url } = await createBenchDatabase(dataDir, cleanup, log);
  const database = connect(url, 2);
  await migrate(database.pool);
  await seed(database.db);
  await database.close();
  console.log(await measureNewsletter(url, dataDir, size, rate));
} finally {
  await cleanup.run(log);
}
