import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import { backup, restore } from '../db/backup.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/types.ts';
import { LocalFileStorage } from '../storage/storage.ts';
import { loadImages, storeImage } from './domain.ts';

let source: Database;
let target: Database;
let dir: string;
beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-images-'));
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('images in a backup', () => {
  it('come back with every size and format, and the settings that use them', async () => {
    const sourceFiles = new LocalFileStorage(path.join(dir, 'source'));
    const targetFiles = new LocalFileStorage(path.join(dir, 'target'));
    const content = await sharp({ create: { width: 700, height: 350, channels: 3, background: '#224466' } }).jpeg().toBuffer();
    const id = await source.db.transaction().execute(async (trx) => {
      const stored = await storeImage({ files: sourceFiles }, trx, { input: content, alt: 'Logo', altLang: 'en', actorId: null });
      await trx.insertInto('site_settings').values({ id: 1, short_name: 'GSEF', brand_colour: '#1a3d8f', logo_image_id: stored.id }).execute();
      return stored.id;
    });
    const file = path.join(dir, 'backup.tar.gz');
    const summary = await backup(source.pool, sourceFiles, file);
    // 320, 640 and the upload's own 700 px, each in AVIF, WebP and JPEG.
    expect(summary.files).toBe(9);
    await restore(target.pool, targetFiles, file, { replace: true });
    const db = target.db as Kysely<DB>;
    expect(await db.selectFrom('site_settings').select(['short_name', 'brand_colour', 'logo_image_id']).execute()).toEqual([{ short_name: 'GSEF', brand_colour: '#1a3d8f', logo_image_id: id }]);
    const restored = (await loadImages(db, [id])).get(id)!;
    expect(restored.sources.map((s) => `${s.width}.${s.format}`).sort()).toEqual(['320.avif', '320.jpeg', '320.webp', '640.avif', '640.jpeg', '640.webp', '700.avif', '700.jpeg', '700.webp']);
    for (const { file_key } of await db.selectFrom('image_variants').select('file_key').execute()) {
      expect((await targetFiles.get(file_key))?.equals((await sourceFiles.get(file_key))!)).toBe(true);
    }
  });
});
