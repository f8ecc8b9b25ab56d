import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cleanup } from './cleanup.ts';
import { killPostmaster, waitUntilGone } from './database.ts';
import { startServer } from './server.ts';

export interface FirstStart {
  /** From spawning `passerelle start` on an empty DATA_DIR until /healthz answered 200. */
  healthzMs: number;
  /** Until /en/ answered 200: the site answers (its first render included). */
  homeMs: number;
  /** From SIGTERM until the server and its embedded PostgreSQL had both exited. */
  stopMs: number;
  /** The server's exit code after SIGTERM: 0 is a clean stop. */
  exitCode: number | null;
}

/**
 * `npm start` on a fresh machine: `bin/passerelle.mjs start` with package.json's node flags, on an
 * empty data folder (so initdb, migrations and the GSEF seed all run) and a free port, timed until
 * the site answers, then stopped as an operator stops it. A PostgreSQL left running after the stop
 * fails the bench. The build is made first, as `npm install` does (its `prepare` script): it is not
 * part of the start.
 */
export async function measureFirstStart(cleanup: Cleanup): Promise<FirstStart> {
  const { ensureBuilt } = (await import('../scripts/build.mjs' as string)) as { ensureBuilt(): void };
  ensureBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-first-start-'));
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  cleanup.defer('remove the first start\'s data folder', async () => fs.rmSync(dataDir, { recursive: true, force: true }), () => fs.rmSync(dataDir, { recursive: true, force: true }));
  cleanup.defer('stop the first start\'s PostgreSQL', async () => killPostmaster(pidFile), () => killPostmaster(pidFile));
  const started = performance.now();
  const server = await startServer({ dataDir });
  cleanup.defer('stop the first start\'s server', async () => void (await server.stop()), () => server.kill());
  await server.answers('/healthz', 180_000);
  const healthzMs = performance.now() - started;
  await server.answers('/en/', 60_000);
  const homeMs = performance.now() - started;
  const stopping = performance.now();
  const exitCode = await server.stop();
  await waitUntilGone(pidFile, 20_000).catch(() => {
    throw new Error(`the first start's server exited but left its PostgreSQL running (${pidFile})`);
  });
  const stopMs = performance.now() - stopping;
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { healthzMs: Math.round(healthzMs), homeMs: Math.round(homeMs), stopMs: Math.round(stopMs), exitCode };
}
