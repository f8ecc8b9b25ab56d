import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, SAMPLE_FILES, signIn, uploadLibraryFile, type TestApp } from '../../test/helpers.ts';
import { loadConfig } from '../config.ts';
import { findFreePort } from '../db/embedded.ts';
import { parseS3Url, S3FileStorage } from './s3.ts';
import { putUpload } from './storage.ts';

/** A real S3-protocol server (s3rver) on loopback, storing its objects in a throw-away folder. */
let server: S3rver | undefined;
let folder: string;
let url: string;

async function startS3(port: number) {
  server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: folder, configureBuckets: [{ name: 'passerelle' }] });
  await server.run();
}

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-s3-'));
  const port = await findFreePort();
  await startS3(port);
  // s3rver accepts these fixed credentials.
  url = `s3://S3RVER:S3RVER@passerelle/uploads?endpoint=http://127.0.0.1:${port}&region=eu-west-3&path_style=true`;
});
afterAll(async () => {
  await server?.close();
  await fs.rm(folder, { recursive: true, force: true });
});

describe('FILE_STORAGE_URL', () => {
  it('names the bucket, a prefix, the endpoint, the region, path-style and the credentials', () => {
    expect(parseS3Url('s3://AK%2F1:se%2Bcret@media/site/files?endpoint=https://s3.example.org:9000&region=eu-west-3&path_style=true')).toEqual({
      bucket: 'media',
      prefix: 'site/files/',
      client: {
        region: 'eu-west-3',
        endpoint: 'https://s3.example.org:9000',
        forcePathStyle: true,
        credentials: { accessKeyId: 'AK/1', secretAccessKey: 'se+cret' },
      },
    });
    expect(parseS3Url('s3://media').prefix).toBe('');
    expect(parseS3Url('s3://media').client.credentials).toBeUndefined();
    expect(() => parseS3Url('https://media')).toThrow(/s3:\/\//);
    expect(() => parseS3Url('s3://media?endpoint=ftp://x')).toThrow(/endpoint/);
    expect(() => loadConfig({ FILE_STORAGE_URL: 'https://bucket.example.org' })).toThrow(/must start with s3:\/\//);
    expect(loadConfig({ FILE_STORAGE_URL: 's3://media' }).fileStorageUrl).toBe('s3://media');
  });
});

describe('S3FileStorage on an S3-protocol server', () => {
  it('stores, reads, streams, lists and deletes objects under its prefix', async () => {
    const storage = new S3FileStorage(parseS3Url(url));
    const other = new S3FileStorage(parseS3Url(url.replace('/uploads?', '/elsewhere?')));
    try {
      const a = await storage.put(Buffer.from('first'));
      const b = await storage.put(Buffer.from('second'));
      await other.put(Buffer.from('not ours'));
      expect(a).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
      expect(await storage.get(a)).toEqual(Buffer.from('first'));
      expect(await text((await storage.getStream(b))!)).toBe('second');
      expect(await storage.get('../../etc/passwd')).toBeNull();
      expect(await storage.get('ab/' + 'c'.repeat(32))).toBeNull();
      const keys: string[] = [];
      for await (const key of storage.list()) keys.push(key);
      expect(keys.sort()).toEqual([a, b].sort());
      await storage.delete(a);
      expect(await storage.get(a)).toBeNull();
      expect(await storage.get(b)).toEqual(Buffer.from('second'));
      // A restore writes a file back under the key it had.
      await storage.putAt(a, Readable.from([Buffer.from('fir'), Buffer.from('st again')]));
      expect(await storage.get(a)).toEqual(Buffer.from('first again'));
      await expect(storage.putAt('../escape', Readable.from([Buffer.from('x')]))).rejects.toThrow(/not a storage key/);
      // An upload is sent from its file on disk with its size as the length, its bytes never gathered.
      const bytes = crypto.randomBytes(6 * 1024 * 1024);
      const upload = path.join(folder, 'upload.bin');
      await fs.writeFile(upload, bytes);
      const key = await putUpload(storage, { path: upload, size: bytes.length, get content(): Buffer { throw new Error('read into memory'); } });
      expect((await storage.get(key))!.equals(bytes)).toBe(true);
    } finally {
      storage.close();
      other.close();
    }
  });
});

describe('the library over object storage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ fileStorageUrl: url });
    await createUser(t.app, 'editor@example.org', ['editor']);
  });
  afterAll(() => t?.close());

  it('an uploaded document is stored in the bucket, not on disk, and downloaded from it; an unreachable store is a 503', async () => {
    const editor = await signIn(t.app, 'editor@example.org');
    const resource = await t.app.ctx.db.selectFrom('resources').select(['id', 'slug']).where('visibility', '=', 'public').orderBy('id').executeTakeFirstOrThrow();
    const uploadPdf = () => uploadLibraryFile(t.app, editor, resource.slug, { name: 'report.pdf', type: 'application/pdf', content: SAMPLE_FILES.pdf });
    expect((await uploadPdf()).statusCode).toBe(303);
    const row = await t.app.ctx.db.selectFrom('resource_files').select(['id', 'file_key']).where('resource_id', '=', resource.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(await fs.readdir(path.join(t.config.dataDir, 'files')).catch(() => [])).toEqual([]);
    const direct = new S3FileStorage(parseS3Url(url));
    expect(await direct.get(row.file_key)).toEqual(SAMPLE_FILES.pdf);
    direct.close();
    const page = await t.app.inject(`/en/library/${resource.slug}`);
    const link = /href="(\/media\/library\/[^"]+)"/.exec(page.body)?.[1];
    expect(link).toBeTruthy();
    const download = await t.app.inject(link!.replace(/&amp;/g, '&'));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(SAMPLE_FILES.pdf);

    const port = Number(new URL(new URLSearchParams(url.split('?')[1]).get('endpoint')!).port);
    await server!.close();
    server = undefined;
    try {
      const refused = await uploadPdf();
      expect(refused.statusCode).toBe(503);
      expect(refused.body).toContain('The file storage cannot be written to at the moment.');
    } finally {
      await startS3(port);
    }
  });
});
