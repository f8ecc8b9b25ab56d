import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/embedded.ts';
import { BIN, cleanEnv, runCli } from './cli-process.ts';

/**
 * Issue 16: every command run beside `npm start` on the same DATA_DIR connects to the server's
 * embedded PostgreSQL instead of stopping it, while the site is under load.
 */
const BOOKLET = path.resolve('../shared/seeds/004_307cc80dd0114172.txt');
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

const env = (dataDir: string, port = 0) => cleanEnv({ DATA_DIR: dataDir, PORT: String(port) });

const run = (args: string[], dataDir: string) => runCli(args, env(dataDir));

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'start'], { env: env(dataDir, port), stdio: 'ignore' });
  children.push(child);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not come up');
}

/** Four clients asking pages in turn until stopped (at most 20,000 requests); counts the failures. */
function load(port: number) {
  let running = true;
  let requests = 0;
  const failures: string[] = [];
  const paths = ['/fr/', '/en/members', '/healthz', '/api/v1/news'];
  const client = async (n: number) => {
    for (let i = n; running && requests < 20_000; i++) {
      const url = `http://127.0.0.1:${port}${paths[i % paths.length]}`;
      const status = await fetch(url).then((r) => r.arrayBuffer().then(() => r.status), (e: Error) => e.message);
      requests++;
      if (status !== 200) failures.push(`${url}: ${status}`);
    }
  };
  const clients = Promise.all([0, 1, 2, 3].map(client));
  return { stop: async () => { running = false; await clients; return { requests, failures }; } };
}

describe('commands beside a running server', () => {
  it('connect to its PostgreSQL, never stop it, and the site keeps answering', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-beside-'));
    dirs.push(dataDir);
    const port = await findFreePort();
    const server = await startServer(dataDir, port);
    const traffic = load(port);

    const added = await run(['user', 'add', '--email', 'admin@gsef.test', '--role', 'admin'], dataDir);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^created user #\d+ admin@gsef\.test \(admin\)/);
    expect(await run(['migrate'], dataDir)).toMatchObject({ code: 0, stdout: 'the database is up to date\n', stderr: '' });
    expect(await run(['seed'], dataDir)).toMatchObject({ code: 0, stdout: 'the GSEF dataset is loaded\n' });
    const imported = await run(['import-booklet', BOOKLET, '--event', 'beside-a-live-server'], dataDir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('115 created');

    const file = path.join(dataDir, 'nightly.tar.gz');
    const saved = await run(['backup', file], dataDir);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/^backed up \d+ rows of \d+ tables and \d+ files to /);
    const verified = await run(['backup', '--verify', file], dataDir);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('is a complete backup taken');

    const refused = await run(['restore', file], dataDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('this database already holds data; restore with --replace');

    const { requests, failures } = await traffic.stop();
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(20);
    expect(server.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    // The server killed with SIGKILL: its lock is stale, its PostgreSQL an orphan; a command clears both.
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    const after = await run(['user', 'add', '--email', 'second@gsef.test', '--role', 'editor'], dataDir);
    expect(after.code).toBe(0);
    expect(after.stderr).toContain('removing the stale lock of process');
    expect(after.stderr).toContain('stopping an orphaned PostgreSQL');
    await expect(fs.access(path.join(dataDir, 'pg.lock'))).rejects.toThrow();
  }, 400_000);
});
