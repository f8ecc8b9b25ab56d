import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readLock } from './embedded-lock.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

async function query(server: EmbeddedServer, sql: string) {
  const client = new pg.Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('initialises a data folder, starts, stops, and starts again on the same data', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-embedded-'));
    dirs.push(dir);
    const first = await startEmbeddedPostgres(dir);
    await query(first, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');
    await first.stop();
    await expect(fs.access(path.join(dir, 'pg', 'postmaster.pid'))).rejects.toThrow();

    const second = await startEmbeddedPostgres(dir);
    expect(await query(second, 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
    await second.stop();
  });

  it('recovers from a stale lock file left by a crash', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-embedded-'));
    dirs.push(dir);
    await (await startEmbeddedPostgres(dir)).stop();
    // A pid that is not running: what a power cut or SIGKILL leaves behind.
    await fs.writeFile(path.join(dir, 'pg', 'postmaster.pid'), `999999\n${path.join(dir, 'pg')}\n1700000000\n5432\n`);
    const server = await startEmbeddedPostgres(dir);
    expect(await query(server, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await server.stop();
  });

  it('lends a server\'s PostgreSQL to a command, which lets go of it without stopping it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-embedded-'));
    dirs.push(dir);
    const server = await startEmbeddedPostgres(dir, () => {}, { role: 'server', command: 'passerelle start' });
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, role: 'server' });
    const command = await startEmbeddedPostgres(dir, () => {}, { role: 'command', command: 'passerelle backup' });
    expect(command.borrowed).toBe(true);
    expect(command.url('postgres')).toBe(server.url('postgres'));
    await command.stop();
    expect(await query(server, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await server.stop();
    expect(await readLock(dir)).toBeNull();
  });

  it('makes a command wait for another one-off command on the same folder, then start its own', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-embedded-'));
    dirs.push(dir);
    const first = await startEmbeddedPostgres(dir, () => {}, { role: 'command', command: 'passerelle backup' });
    const messages: string[] = [];
    let secondStarted = false;
    const second = startEmbeddedPostgres(dir, (m) => messages.push(m), { role: 'command', command: 'passerelle user' }).then((s) => {
      secondStarted = true;
      return s;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(secondStarted).toBe(false);
    expect(messages[0]).toContain('waiting for "passerelle backup"');
    await first.stop();
    const own = await second;
    expect(own.borrowed).toBe(false);
    expect(await query(own, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await own.stop();
  });
});
