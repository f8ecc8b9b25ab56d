import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../src/db/database.ts';
import { findFreePort, startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';

/**
 * The real server as a child process over a PostgreSQL that this test stops and starts again under
 * it: the server must live through it, answer 503 meanwhile, and come back by itself.
 */
const BIN = path.resolve('bin/passerelle.mjs');
let dataDir: string | undefined;
let postgres: EmbeddedServer | undefined;
let child: ChildProcess | undefined;
let exited: number | null | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  await postgres?.stop().catch(() => {});
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the server when its database goes away', () => {
  it('answers 503 in the reader’s language while PostgreSQL is stopped, and resumes by itself when it is back', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-outage-'));
    const pgPort = await findFreePort();
    postgres = await startEmbeddedPostgres(dataDir, () => {}, undefined, { port: pgPort });
    await ensureDatabase(postgres.url('postgres'), 'passerelle');
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [BIN, 'start'], {
      env: {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'error',
        DATA_DIR: path.join(dataDir, 'app'), PORT: String(port), DATABASE_URL: postgres.url('passerelle'),
      },
      stdio: 'ignore',
    });
    child.on('exit', (code) => (exited = code));
    const get = (url: string) => fetch(`${base}${url}`).then(async (r) => ({ status: r.status, body: await r.text() }));
    // A first start migrates and loads the GSEF dataset.
    await until(() => get('/healthz').then((r) => r.status === 200, () => false), 'the server to come up', 150_000);
    expect((await get('/fr/members')).status).toBe(200);
    await get('/es/');

    await postgres.stop();
    // Connections ended by a shutting-down server (57P01) must not end the process.
    await until(() => get('/healthz').then((r) => r.status === 503, () => false), '/healthz to say 503', 15_000);
    const page = await get('/fr/members?page=2');
    expect(page.status).toBe(503);
    expect(page.body).toContain('Le site ne parvient pas à joindre sa base de données pour le moment.');
    expect(page.body).not.toMatch(/ECONNREFUSED|at .*\.js:\d+/);
    const api = await get('/api/v1/members?lang=es');
    expect(api.status).toBe(503);
    expect(JSON.parse(api.body).error.code).toBe('database_unavailable');
    // A public page cached before the outage is still served.
    const cached = await fetch(`${base}/es/`);
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-page-cache')).toBe('hit');
    expect(exited).toBeUndefined();

    postgres = await startEmbeddedPostgres(dataDir, () => {}, undefined, { port: pgPort });
    await until(() => get('/healthz').then((r) => r.status === 200, () => false), 'the site to come back', 30_000);
    expect((await get('/fr/members?page=2')).status).toBe(200);
    expect(exited).toBeUndefined();
  }, 240_000);
});
