import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/embedded.ts';
import { BIN, cleanEnv, runCli as run } from './cli-process.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});


async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'start'], { env: cleanEnv({ DATA_DIR: dataDir, PORT: String(port) }), stdio: 'ignore' });
  children.push(child);
  // A first start initialises PostgreSQL and loads the whole GSEF dataset.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not come up');
}

describe('the passerelle command', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'user', 'backup', 'restore', 'worker']) expect(stdout).toContain(`  ${command}`);
  });

  it('explains a command with --help and refuses an unknown one', async () => {
    expect((await run(['user', '--help'])).stdout).toContain('Usage: passerelle user add --email EMAIL --role ROLE');
    const unknown = await run(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "fly"');
  });

  it('refuses a bad account on stderr with a non-zero exit, before touching any database', async () => {
    const { code, stderr } = await run(['user', 'add', '--email', 'not-an-email', '--role', 'pope']);
    expect(code).toBe(2);
    expect(stderr).toContain('--email: email');
    expect(stderr).toContain('--role: role');
  });

  it('starts on a fresh data folder with the GSEF data, survives a crash, and shuts down cleanly', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-cli-'));
    dirs.push(dataDir);
    const port = await findFreePort();
    const first = await startServer(dataDir, port);
    const home = await (await fetch(`http://127.0.0.1:${port}/fr/`)).text();
    expect(home).toContain('Forum mondial de l’économie sociale');

    // A crash: the app dies at once and leaves its PostgreSQL and lock file behind.
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const second = await startServer(dataDir, port);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
    await expect(fs.access(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toThrow();
    await expect(fs.access(path.join(dataDir, 'pg.lock'))).rejects.toThrow();
  }, 300_000);
});
