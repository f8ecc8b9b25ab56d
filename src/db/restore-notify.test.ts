import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { backup, BackupError, restore } from './backup.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-restore-notify-'));
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Waits (bounded) until the running server's page cache has been cleared past `generation`. */
async function clearedAfter(generation: number): Promise<number> {
  for (let i = 0; i < 100 && t.app.ctx.pageCache.generation === generation; i++) await new Promise((r) => setTimeout(r, 50));
  return t.app.ctx.pageCache.generation;
}

describe('a restore', () => {
  it('clears the page cache of a running server, and only when it succeeds', async () => {
    const cache = t.app.ctx.pageCache;
    expect(cache.listening).toBe(true);
    const file = path.join(dir, 'site.tar.gz');
    await backup(t.app.ctx.pool, t.app.ctx.files, file);

    // A page a visitor without a session got is kept in the running server's cache.
    expect((await t.app.inject({ url: '/en/' })).statusCode).toBe(200);
    const before = cache.generation;
    expect(cache.get('/en/')).toBeDefined();

    // Refused (the database holds data): nothing changed, no notification.
    await expect(restore(t.app.ctx.pool, t.app.ctx.files, file)).rejects.toBeInstanceOf(BackupError);
    // Then a restore that succeeds. Notifications arrive in order: had the refused one sent any,
    // the cache would have been cleared twice.
    await restore(t.app.ctx.pool, t.app.ctx.files, file, { replace: true });
    expect(await clearedAfter(before)).toBe(before + 1);
    expect(cache.get('/en/')).toBeUndefined();
  });
});
