import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import { LocalFileStorage } from '../storage/storage.ts';
import { backup, restore, verifyBackup } from './backup.ts';
import { tablesInDependencyOrder } from './backup-tables.ts';
import type { Database } from './database.ts';

let source: Database;
let target: Database;
let dir: string;
let sourceFiles: LocalFileStorage;
let targetFiles: LocalFileStorage;
beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-backup-'));
  sourceFiles = new LocalFileStorage(path.join(dir, 'source-files'));
  targetFiles = new LocalFileStorage(path.join(dir, 'target-files'));
  // The target is a freshly migrated, empty database.
  const client = await target.pool.connect();
  try {
    const tables = await tablesInDependencyOrder(client);
    await client.query(`TRUNCATE ${tables.map((t) => client.escapeIdentifier(t)).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    client.release();
  }
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every table, every row, as text: what a restore must bring back exactly. */
async function everyTable(database: Database): Promise<Record<string, string[]>> {
  const client = await database.pool.connect();
  try {
    const result: Record<string, string[]> = {};
    for (const table of await tablesInDependencyOrder(client)) {
      const { rows } = await client.query(`SELECT t::text AS row FROM public.${client.escapeIdentifier(table)} t ORDER BY 1`);
      result[table] = rows.map((r) => r.row);
    }
    return result;
  } finally {
    client.release();
  }
}

async function everyFile(storage: LocalFileStorage): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for await (const key of storage.list()) sums[key] = crypto.createHash('sha256').update((await storage.get(key))!).digest('hex');
  return sums;
}

describe('a backup', () => {
  it('taken while writes go on holds one snapshot, and restores elsewhere every row and every file', async () => {
    const keys = [await sourceFiles.put(Buffer.from('%PDF-1.4 a report')), await sourceFiles.put(crypto.randomBytes(300_000))];
    await source.pool.query(`INSERT INTO users (email, roles, name) VALUES ('tab\tnew\nline\\back@gsef.test', '{editor}', 'Ñoño "한국" \\N')`);
    const file = path.join(dir, 'during-writes.tar.gz');

    // Writes, bounded, while the backup runs: each inserts one user; the backup holds a prefix of them.
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing && written < 2000) {
        await source.pool.query(`INSERT INTO users (email) VALUES ($1)`, [`writer-${written}@gsef.test`]);
        written++;
      }
    })();
    const summary = await backup(source.pool, sourceFiles, file);
    writing = false;
    await writes;
    expect(summary.files).toBe(2);

    const found = await verifyBackup(file);
    expect(found).toMatchObject({ tables: summary.tables, rows: summary.rows, files: 2 });

    await restore(target.pool, targetFiles, file);
    const restored = await everyTable(target);
    const users = restored.users!;
    // One snapshot: writers' rows form an unbroken prefix 0..n-1.
    const writers = users.filter((row) => row.includes('writer-')).length;
    for (let i = 0; i < writers; i++) expect(users.some((row) => row.includes(`writer-${i}@`))).toBe(true);
    expect(writers).toBeLessThanOrEqual(written);

    // Every other table exactly as in the source; users as in the source minus later writers.
    const now = await everyTable(source);
    for (const [table, rows] of Object.entries(now)) {
      if (table === 'users') {
        const later = new Set(Array.from({ length: written - writers }, (_, i) => `writer-${writers + i}@`));
        expect(users).toEqual(rows.filter((row) => ![...later].some((mark) => row.includes(mark))));
      } else {
        expect(restored[table], table).toEqual(rows);
      }
    }
    expect(await everyFile(targetFiles)).toEqual(await everyFile(sourceFiles));
    expect(Object.keys(await everyFile(targetFiles)).sort()).toEqual([...keys].sort());
  });

  it('refuses to restore onto a database holding data unless asked to replace, then replaces all', async () => {
    const file = path.join(dir, 'replace.tar.gz');
    await backup(source.pool, sourceFiles, file);
    await target.pool.query(`INSERT INTO users (email) VALUES ('only-in-target@gsef.test')`);
    const stray = await targetFiles.put(Buffer.from('not in the backup'));
    await expect(restore(target.pool, targetFiles, file)).rejects.toThrow('this database already holds data; restore with --replace');
    expect((await target.pool.query(`SELECT count(*)::int AS n FROM users WHERE email = 'only-in-target@gsef.test'`)).rows[0].n).toBe(1);

    await restore(target.pool, targetFiles, file, { replace: true });
    expect(await everyTable(target)).toEqual(await everyTable(source));
    expect(await everyFile(targetFiles)).toEqual(await everyFile(sourceFiles));
    expect(await targetFiles.get(stray)).toBeNull();
  });

  it('that is damaged is found out by --verify and restores nothing', async () => {
    const file = path.join(dir, 'good.tar.gz');
    await backup(source.pool, sourceFiles, file);
    const tarball = zlib.gunzipSync(await fs.readFile(file));
    // Change one byte inside the data of the users table.
    const at = tarball.indexOf(Buffer.from('writer-1@'));
    expect(at).toBeGreaterThan(0);
    tarball[at + 2] = 'x'.charCodeAt(0);
    const damaged = path.join(dir, 'damaged.tar.gz');
    await fs.writeFile(damaged, zlib.gzipSync(tarball));
    await expect(verifyBackup(damaged)).rejects.toThrow('the table users in the backup is damaged');

    const before = await everyTable(target);
    const filesBefore = await everyFile(targetFiles);
    await expect(restore(target.pool, targetFiles, damaged, { replace: true })).rejects.toThrow('damaged');
    expect(await everyTable(target)).toEqual(before);
    expect(await everyFile(targetFiles)).toEqual(filesBefore);

    // Cut short: no manifest.
    const cut = path.join(dir, 'cut.tar.gz');
    await fs.writeFile(cut, zlib.gzipSync(tarball.subarray(0, Math.floor(tarball.length / 2))));
    await expect(verifyBackup(cut)).rejects.toThrow(/not a Passerelle backup|incomplete/);
  });
});
