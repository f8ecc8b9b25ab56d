import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { JobQueue } from '../src/jobs/queue.ts';
import { seed } from '../src/seed/load.ts';

/**
 * One PostgreSQL for the whole run: the embedded server by default, or the server at DATABASE_URL.
 * A template database is migrated and seeded once; each test file clones it (see test/helpers.ts).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    maintenanceUrl: string;
    templateName: string;
  }
}

let embedded: EmbeddedServer | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  // Tests that run the `passerelle` command need the compiled sources: build once, before they start.
  const { ensureBuilt } = (await import('../scripts/build.mjs' as string)) as { ensureBuilt(): void };
  ensureBuilt();
  let maintenanceUrl = process.env.DATABASE_URL;
  if (!maintenanceUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-test-'));
    embedded = await startEmbeddedPostgres(dataDir);
    maintenanceUrl = embedded.url('postgres');
  }
  const templateName = `passerelle_tpl_${crypto.randomBytes(4).toString('hex')}`;
  await ensureDatabase(maintenanceUrl, templateName);
  const templateUrl = withDatabase(maintenanceUrl, templateName);
  const database = connect(templateUrl, 2);
  await migrate(database.pool);
  await seed(database.db);
  // Installs the job queue's own schema once, so each cloned database starts with it.
  const jobs = new JobQueue(templateUrl);
  await jobs.start({ work: false });
  await jobs.stop();
  await database.close();
  project.provide('maintenanceUrl', maintenanceUrl);
  project.provide('templateName', templateName);

  return async () => {
    await dropDatabases(maintenanceUrl, templateName);
    await embedded?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function dropDatabases(maintenanceUrl: string, prefix: string) {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${prefix}%`],
  );
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  await client.end();
}
