import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../src/db/embedded-lock.ts';
import { BIN, cleanEnv, runCli } from './cli-process.ts';

/**
 * A first start killed at chosen points (issue 20): the `passerelle` command runs as a real child
 * process on a fresh data folder, is SIGKILLed when the folder shows it reached a point, and the next
 * run must work.
 */
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

const env = (dataDir: string) => cleanEnv({ DATA_DIR: dataDir });

const run = (args: string[], dataDir: string) => runCli(args, env(dataDir));

/** Starts `passerelle migrate` and kills it (or its whole process group) once `reached` holds. */
async function killWhen(dataDir: string, reached: () => Promise<boolean>, { group }: { group: boolean }): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'migrate'], { env: env(dataDir), stdio: 'ignore', detached: group });
  children.push(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await reached()) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(child.exitCode, 'the command ended before the point it was to be killed at').toBeNull();
  if (group) process.kill(-child.pid!, 'SIGKILL');
  else child.kill('SIGKILL');
  await exited;
}

async function freshDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-crash-'));
  dirs.push(dir);
  return dir;
}

const has = (file: string) => fs.access(file).then(() => true, () => false);

describe('a first start killed', () => {
  it('during initdb leaves a folder the next run initialises again', async () => {
    const dataDir = await freshDir();
    await killWhen(dataDir, async () => (await fs.readdir(dataDir)).some((name) => name.startsWith('pg.init-')), { group: true });
    expect(await has(path.join(dataDir, 'pg'))).toBe(false);
    const next = await run(['migrate'], dataDir);
    expect(next.stderr).toMatch(/^removing the stale lock of process \d+ \(no longer running\)/);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('applied:');
    expect((await fs.readdir(dataDir)).filter((name) => name.startsWith('pg.init-'))).toEqual([]);
    expect(await has(path.join(dataDir, 'pg.lock'))).toBe(false);
  }, 180_000);

  it('once its PostgreSQL runs leaves an orphan and a stale lock, which the next run stops and clears', async () => {
    const dataDir = await freshDir();
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    // postmaster.pid is written in steps; its status line says "ready" once PostgreSQL accepts connections.
    await killWhen(dataDir, async () => /\nready\s*\n/.test(await fs.readFile(pidFile, 'utf8').catch(() => '')), { group: false });
    expect(await has(path.join(dataDir, 'pg.lock'))).toBe(true);
    const orphan = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
    expect(isAlive(orphan)).toBe(true);

    const next = await run(['migrate'], dataDir);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`stopping an orphaned PostgreSQL (pid ${orphan})`);
    expect(next.stdout).toMatch(/applied:|up to date/);
    expect(isAlive(orphan)).toBe(false);
    // And the run after that finds everything in order.
    const again = await run(['migrate'], dataDir);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('the database is up to date');
  }, 180_000);
});
