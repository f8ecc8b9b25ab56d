import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, SAMPLE_FILES, signIn, uploadLibraryFile, type TestApp } from '../../test/helpers.ts';
import { backup, restore } from './backup.ts';

/**
 * Issue 16's defect: after a restore into a fresh site the library listed its PDF but
 * `/media/library/…` answered 404, because backups held no files. Restored elsewhere, a backup
 * serves every page and every file again.
 */
let source: TestApp;
let target: TestApp;
let dir: string;
beforeAll(async () => {
  [source, target] = await Promise.all([createTestApp(), createTestApp()]);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-backup-serve-'));
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('a backup restored on another site', () => {
  it('serves the library file it was taken with', async () => {
    await createUser(source.app, 'editor@example.org', ['editor']);
    const editor = await signIn(source.app, 'editor@example.org');
    const { slug } = await source.app.ctx.db.selectFrom('resources').select('slug').where('visibility', '=', 'public').orderBy('id').executeTakeFirstOrThrow();
    const uploaded = await uploadLibraryFile(source.app, editor, slug, { name: 'rapport.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf });
    expect(uploaded.statusCode).toBe(303);
    const { id } = await source.app.ctx.db.selectFrom('resource_files').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const url = `/media/library/${id}/rapport.pdf`;
    expect((await source.app.inject(url)).statusCode).toBe(200);

    const file = path.join(dir, 'site.tar.gz');
    expect((await backup(source.app.ctx.pool, source.app.ctx.files, file)).files).toBe(1);
    expect((await target.app.inject(url)).statusCode).toBe(404);
    await restore(target.app.ctx.pool, target.app.ctx.files, file, { replace: true });

    const served = await target.app.inject(url);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    const page = await target.app.inject(`/en/library/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/media/library/${id}/`);
  });
});
