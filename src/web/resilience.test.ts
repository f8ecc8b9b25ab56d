import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, SAMPLE_FILES, signIn, uploadLibraryFile, type TestApp, type Visitor } from '../../test/helpers.ts';
import { unavailableError } from './unavailable.ts';

let t: TestApp;
let admin: pg.Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = new pg.Client({ connectionString: t.database.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await t?.close();
});

const run = promisify(execFile);
const database = () => new URL(t.database.url).pathname.slice(1);

/** Ends, from the server side, every connection of this test's database that matches `where`. */
async function terminate(where: string): Promise<number> {
  const { rows } = await admin.query(
    `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND ${where}`,
    [database()],
  );
  return rows.length;
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The client side notices a connection ended by the server when its socket says so, a moment later. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const cached = async (url: string) => (await t.app.inject(url)).headers['x-page-cache'] === 'hit';

describe('long-lived database connections', () => {
  it('the page cache reconnects its LISTEN after the server ends it, and still hears changes', async () => {
    await t.app.inject('/en/');
    expect(await cached('/en/')).toBe(true);
    const before = t.app.ctx.pageCache.reconnects;
    expect(await terminate(`query ILIKE 'LISTEN%'`)).toBe(1);
    // The process lives on; what was cached is forgotten since a change could now go unheard.
    await until(() => t.app.ctx.pageCache.reconnects > before, 'the LISTEN connection to come back');
    expect(t.app.ctx.pageCache.listening).toBe(true);
    expect(await cached('/en/')).toBe(false);
    expect(await cached('/en/')).toBe(true);
    // A change announced by another instance (a NOTIFY on another connection) clears this cache.
    await admin.query('NOTIFY passerelle_content_changed');
    await until(async () => !(await cached('/en/')), 'the notification to clear the cache');
  });

  it('the job queue survives its connections being ended and runs jobs afterwards', async () => {
    expect(await terminate(`application_name = 'passerelle-jobs'`)).toBeGreaterThan(0);
    await settle();
    const id = await t.app.ctx.jobs.send('sessions.cleanup', {});
    expect(id).toBeTruthy();
    expect(await t.app.ctx.jobs.drain(['sessions.cleanup'])).toBeGreaterThanOrEqual(1);
  });

  it('the pool replaces connections ended under it: pages and /healthz answer afterwards', async () => {
    expect(await terminate(`application_name <> 'passerelle-jobs' AND query NOT ILIKE 'LISTEN%'`)).toBeGreaterThan(0);
    await settle();
    expect((await t.app.inject('/en/sign-in')).statusCode).toBe(200);
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });
});

describe('a disk that refuses writes', () => {
  let editor: Visitor;
  beforeAll(async () => {
    await createUser(t.app, 'editor@example.org', ['editor']);
    editor = await signIn(t.app, 'editor@example.org');
  });

  it('an upload into storage that cannot be written answers a localized 503, and nothing is recorded', async () => {
    const resource = await t.app.ctx.db.selectFrom('resources').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow();
    const count = () => t.app.ctx.db.selectFrom('resource_files').select('id').where('resource_id', '=', resource.id).execute();
    const before = (await count()).length;
    // The files folder is a regular file: every write under it fails with ENOTDIR, as on a broken mount.
    const files = path.join(t.config.dataDir, 'files');
    await fs.rm(files, { recursive: true, force: true });
    await fs.writeFile(files, 'not a folder');
    try {
      const response = await uploadLibraryFile(t.app, editor, resource.slug, { name: 'rapport.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf }, 'fr');
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('60');
      expect(response.body).toContain('Le stockage des fichiers n’accepte pas d’écriture pour le moment.');
      expect(response.body).not.toContain('ENOTDIR');
      expect(await count()).toHaveLength(before);
      // The back-office says so where the staff look first.
      const dashboard = await editor.get('/fr/admin');
      expect(dashboard.statusCode).toBe(200);
      expect(dashboard.body).toContain('Le stockage des fichiers n’accepte pas d’écriture (lecture seule, droits manquants ou injoignable)');
    } finally {
      await fs.rm(files, { force: true });
    }
  });

  it('an upload onto a full disk answers a localized 507 and leaves no half-written file', async () => {
    const resource = await t.app.ctx.db.selectFrom('resources').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow();
    const count = () => t.app.ctx.db.selectFrom('resource_files').select('id').where('resource_id', '=', resource.id).execute();
    const before = (await count()).length;
    // A real full file system: a 64 kB tmpfs mounted as the files folder (the tests run as root).
    const files = path.join(t.config.dataDir, 'files');
    await fs.rm(files, { recursive: true, force: true });
    await fs.mkdir(files);
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'passerelle-full', files]);
    try {
      const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(300_000, 0x20)]);
      const response = await uploadLibraryFile(t.app, editor, resource.slug, { name: 'informe.pdf', type: 'application/pdf', content: big }, 'es');
      expect(response.statusCode).toBe(507);
      expect(response.body).toContain('El servidor no tiene espacio para guardar este archivo.');
      expect(await count()).toHaveLength(before);
      const left = await fs.readdir(files, { recursive: true, withFileTypes: true });
      expect(left.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([]);
      expect((await editor.get('/ko/admin')).body).not.toContain('role="alert"');
      // Filled to the last byte, the back-office dashboard says the storage is full.
      const filler = await fs.open(path.join(files, 'filler'), 'w');
      await filler.write(Buffer.alloc(128 * 1024)).catch((error) => expect(error.code).toBe('ENOSPC'));
      await filler.close();
      expect((await editor.get('/ko/admin')).body).toContain('파일 저장소가 가득 찼습니다.');
    } finally {
      await run('umount', [files]);
    }
  });

  it('a full disk (a real ENOSPC from /dev/full) is a 507, a read-only one a 503; other errors are not mapped', async () => {
    const full = await fs.writeFile('/dev/full', 'x').then(() => null, (error) => error);
    expect(full?.code).toBe('ENOSPC');
    expect(unavailableError(full)).toMatchObject({ status: 507, code: 'error.storage_full' });
    const readOnly = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS', syscall: 'open' });
    expect(unavailableError(readOnly)).toMatchObject({ status: 503, code: 'error.storage_unavailable' });
    expect(unavailableError(new Error('something else'))).toBeNull();
    // A code without a file-system call is not taken for a disk failure (validation, say).
    expect(unavailableError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBeNull();
  });
});
