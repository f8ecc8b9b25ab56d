import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seed } from '../src/seed/load.ts';
import { Cleanup } from './cleanup.ts';
import { createBenchDatabase } from './database.ts';

export interface StandaloneBench {
  url: string;
  dataDir: string;
  database: ReturnType<typeof connect>;
  log: (message: string) => void;
}

/**
 * A bench script run alone (`node --import tsx bench/<name>.ts`): a throw-away data folder and
 * database, migrated and loaded with the GSEF seed, handed to `work`; all of it removed afterwards,
 * also on error or Ctrl-C.
 */
export async function runStandaloneBench(name: string, work: (bench: StandaloneBench) => Promise<void>, poolSize = 4): Promise<void> {
  const log = (message: string) => console.error(`${name}: ${message}`);
  const cleanup = new Cleanup();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `passerelle-${name}-`));
  cleanup.defer('remove the data folder', () => fs.rm(dataDir, { recursive: true, force: true }));
  try {
    const { url } = await createBenchDatabase(dataDir, cleanup, log);
    const database = connect(url, poolSize);
    cleanup.defer('close', () => database.close());
    await migrate(database.pool);
    await seed(database.db);
    await work({ url, dataDir, database, log });
  } finally {
    await cleanup.run(log);
  }
}
