import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import { backup, restore } from '../db/backup.ts';
import type { Database } from '../db/database.ts';
import { LocalFileStorage } from '../storage/storage.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it('backs up and restores the archive, presenters (a jsonb array) included', async () => {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'initiatives-backup-')), 'backup.tar.gz');
  const snapshot = async () => (await database.pool.query('SELECT slug, code, presenters, links, themes, sdgs FROM initiatives ORDER BY id')).rows;
  const before = await snapshot();
  expect(before.length).toBe(115);
  const files = new LocalFileStorage(path.join(path.dirname(file), 'files'));
  await backup(database.pool, files, file);
  await database.pool.query('DELETE FROM initiatives');
  await restore(database.pool, files, file, { replace: true });
  expect(await snapshot()).toEqual(before);
});
