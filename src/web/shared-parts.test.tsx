import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipart, SAMPLE_FILES, type TestApp } from '../../test/helpers.ts';
import { toCsv } from '../api/csv.ts';
import { translator } from '../i18n/i18n.ts';
import { LocalFileStorage } from '../storage/storage.ts';
import { Pagination } from './listing.tsx';
import type { PageContext } from './page-context.ts';
import { incomingDir } from './incoming.ts';
import { IMAGE_TYPES, readMultipartForm } from './uploads.ts';

describe('CSV export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const csv = toCsv(['name', 'note', 'tags'], [
      { name: 'Koopera, S.Coop', note: '=HYPERLINK("http://evil")', tags: ['a', 'b'] },
      { name: 'Say "hi"', note: null, tags: [] },
    ]);
    expect(csv).toBe('\uFEFFname,note,tags\r\n"Koopera, S.Coop","\'=HYPERLINK(""http://evil"")",a; b\r\n"Say ""hi""",,\r\n');
  });

  it('leaves numbers alone, negative ones too, and still guards text that starts like a formula', () => {
    const csv = toCsv(['value'], [
      { value: -73.58781 }, { value: '-73.58781' }, { value: '+1.5e3' }, { value: 0 },
      { value: '-2+3' }, { value: '+33 1 23 45 67 89' }, { value: '@SUM(A1)' }, { value: '=1' }, { value: '-' },
    ]);
    expect(csv.slice(1).split('\r\n').slice(1, -1)).toEqual(['-73.58781', '-73.58781', '+1.5e3', '0', "'-2+3", "'+33 1 23 45 67 89", "'@SUM(A1)", "'=1", "'-"]);
  });

  it('starts with the UTF-8 byte-order mark, so Excel reads Korean as Korean', () => {
    const bytes = Buffer.from(toCsv(['name'], [{ name: '서울특별시' }]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('name\r\n서울특별시\r\n');
  });
});

describe('pagination', () => {
  const ctx = { lang: 'fr', t: translator('fr') } as PageContext;
  it('links the neighbouring pages and keeps the filters', () => {
    const html = renderToString(<Pagination ctx={ctx} total={95} page={3} path="/fr/members" query={new URLSearchParams('region=africa&page=3')} />);
    expect(html).toContain('Page 3 sur 5');
    expect(html).toContain('<a href="/fr/members?region=africa&amp;page=2" rel="prev">Précédente</a>');
    expect(html).toContain('<a href="/fr/members?region=africa">1</a>');
    expect(html).toContain('<span aria-current="page">3</span>');
  });

  it('shows nothing for a single page', () => {
    expect(renderToString(<Pagination ctx={ctx} total={5} page={1} path="/fr/x" query={new URLSearchParams()} />)).toBe('');
  });
});

describe('file storage', () => {
  it('stores under a random key, reads back, and refuses keys that try to leave its folder', async () => {
    const storage = new LocalFileStorage(await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-files-')));
    const key = await storage.put(Buffer.from('hello'));
    expect(key).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
    expect((await storage.get(key))?.toString()).toBe('hello');
    expect(await storage.get('../../etc/passwd')).toBeNull();
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });
});

describe('uploads', () => {
  let t: TestApp;
  const received: { path: string; onDisk: boolean }[] = [];
  beforeAll(async () => {
    t = await createTestApp({}, (app) => {
      app.post('/en/test-upload', { config: { csrf: false } }, async (request) => {
        const form = await readMultipartForm(request, { logo: { types: IMAGE_TYPES, maxBytes: 1000 }, notes: { types: ['text/plain'], maxBytes: 300_000 } });
        // Where each file waited, to check it is on disk now and gone once the answer is sent.
        for (const f of form.files) received.push({ path: f.path!, onDisk: await fs.readFile(f.path!).then((bytes) => bytes.equals(f.content), () => false) });
        return { fields: form.fields, files: form.files.map((f) => ({ field: f.field, mime: f.mime, size: f.content.length })), errors: form.fileErrors };
      });
    });
  });
  afterAll(() => t.close());

  const upload = (file: { name: string; type: string; content: Buffer }) => {
    const { payload, headers } = multipart({ title: 'Logo' }, { logo: file });
    return t.app.inject({ method: 'POST', url: '/en/test-upload', payload, headers });
  };

  it('accepts a file whose content matches an allowed type', async () => {
    const body = (await upload({ name: 'logo.png', type: 'image/png', content: SAMPLE_FILES.png })).json();
    expect(body).toEqual({ fields: { title: 'Logo' }, files: [{ field: 'logo', mime: 'image/png', size: SAMPLE_FILES.png.length }], errors: {} });
    // Streamed to a temporary file while it arrived (not held in memory), removed once answered.
    const [file] = received.splice(0);
    expect(file!.onDisk).toBe(true);
    // In a request folder of its own under DATA_DIR/incoming, where the sweep finds what is left behind.
    expect(path.dirname(path.dirname(file!.path))).toBe(incomingDir(t.config.dataDir));
    // The onResponse hook runs just after the answer is sent.
    for (let i = 0; i < 50 && (await fs.stat(path.dirname(file!.path)).then(() => true, () => false)); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(fs.stat(file!.path)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.stat(path.dirname(file!.path))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('judges by content, not by name or declared type', async () => {
    const body = (await upload({ name: 'logo.png', type: 'image/png', content: SAMPLE_FILES.pdf })).json();
    expect(body.files).toEqual([]);
    expect(body.errors).toEqual({ logo: 'validation.file_type' });
  });

  it('takes plain text read in chunks: a character cut between two chunks is still text; a bad byte or a NUL far in is not', async () => {
    const send = (content: Buffer) => {
      const { payload, headers } = multipart({}, { notes: { name: 'notes.txt', type: 'text/plain', content } });
      return t.app.inject({ method: 'POST', url: '/en/test-upload', payload, headers }).then((response) => response.json());
    };
    // The file is read 64 KiB at a time: the euro sign's three bytes straddle the first boundary.
    const text = Buffer.from(`${'a'.repeat(64 * 1024 - 1)}€${'b'.repeat(1000)}`);
    expect((await send(text)).files).toEqual([{ field: 'notes', mime: 'text/plain', size: text.length }]);
    expect((await send(Buffer.concat([text, Buffer.from([0xc3, 0x28])]))).errors).toEqual({ notes: 'validation.file_type' });
    expect((await send(Buffer.concat([text, Buffer.from([0])]))).errors).toEqual({ notes: 'validation.file_type' });
  });

  it('refuses a file over the size limit of its field', async () => {
    const big = Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(2000)]);
    expect((await upload({ name: 'big.png', type: 'image/png', content: big })).json().errors).toEqual({ logo: 'validation.file_too_large' });
  });
});
