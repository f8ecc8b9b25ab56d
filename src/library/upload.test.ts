import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, SAMPLE_FILES, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { makeDocx, makeOdt, makePdf } from '../../test/library-files.ts';
import { EXTRACT_JOB } from './domain.ts';

let t: TestApp;
let editor: Visitor;
let contact: Visitor;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'editor@example.org', ['editor']);
  await createUser(t.app, 'contact@example.org', ['member_contact']);
  editor = await signIn(t.app, 'editor@example.org');
  contact = await signIn(t.app, 'contact@example.org');
});
afterAll(() => t?.close());

const db = () => t.app.ctx.db;
const filesOf = (slug: string) =>
  db().selectFrom('resource_files as f').innerJoin('resources as r', 'r.id', 'f.resource_id').selectAll('f').where('r.slug', '=', slug).orderBy('f.id').execute();
const storedFiles = async () => (await fs.readdir(path.join(t.config.dataDir, 'files'), { recursive: true }).catch(() => [] as string[])).filter((name) => /[a-f0-9]{32}$/.test(String(name)));

const NEW_RESOURCE = {
  slug: '', type: 'report', visibility: 'public', original_lang: 'fr', languages: 'fr', published: '2019-11',
  title_fr: 'Les finances solidaires dans les villes africaines', summary_fr: 'Une étude des outils de financement de l’ESS.',
  title_en: 'Solidarity finance in African cities', summary_en: '', title_es: '', summary_es: '', title_ko: '', summary_ko: '',
  authors: 'Aminata Diallo\nJean Martin', publishers: 'Réseau africain de l’ESS', themes: 'social-finance',
  activity: 'senegal-national-capacity-building-2019', member: '', initiative: '', external_url: '',
};

async function upload(slug: string, file: { name: string; type: string; content: Buffer } | null, fields: Record<string, string> = {}, { csrf = true } = {}) {
  const token = csrf ? csrfTokenIn((await editor.get(`/en/admin/library/${slug}`)).body) : '';
  const { payload, headers } = multipart({ lang: 'fr', ...fields, ...(csrf ? { _csrf: token } : {}) }, file ? { file } : {});
  return t.app.inject({ method: 'POST', url: `/en/admin/library/${slug}/files`, payload, headers: { ...headers, cookie: editor.cookies } });
}

describe('resource metadata in the back-office', () => {
  it('is for editors only', async () => {
    expect((await contact.get('/en/admin/library')).statusCode).toBe(403);
    const anonymous = await t.app.inject('/en/admin/library/new');
    expect(anonymous.statusCode).toBe(303);
  });

  it('refuses a missing title, an unknown type or visibility, a bad date or an unknown activity, naming each field', async () => {
    const before = await db().selectFrom('resources').select('id').execute();
    const bad = await editor.post('/fr/admin/library', { ...NEW_RESOURCE, title_fr: '', type: 'novel', visibility: 'secret', published: '2019-13', activity: 'no-such-activity' }, { from: '/fr/admin/library/new' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    for (const field of ['title_fr', 'type', 'visibility', 'published']) expect(bad.body, field).toContain(`id="${field}-error"`);
    expect(bad.body).toContain('Indiquez une année, un mois ou un jour');
    const unknownActivity = await editor.post('/en/admin/library', { ...NEW_RESOURCE, activity: 'no-such-activity' }, { from: '/en/admin/library/new' });
    expect(unknownActivity.statusCode).toBe(400);
    expect(unknownActivity.body).toContain('No activity has this address.');
    expect(await db().selectFrom('resources').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a post without its CSRF token', async () => {
    const response = await editor.post('/en/admin/library', NEW_RESOURCE, { csrf: false });
    expect(response.statusCode).toBe(403);
  });

  it('creates a resource with texts in several languages, publishers as shared organisations, and audits it', async () => {
    const response = await editor.post('/en/admin/library', NEW_RESOURCE, { from: '/en/admin/library/new' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/admin/library/les-finances-solidaires-dans-les-villes-africaines');
    const row = await db().selectFrom('resources').selectAll().where('slug', '=', 'les-finances-solidaires-dans-les-villes-africaines').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type: 'report', published_on: '2019-11-01', date_precision: 'month', authors: ['Aminata Diallo', 'Jean Martin'], themes: ['social-finance'] });
    expect(row.title.fr).toMatchObject({ text: 'Les finances solidaires dans les villes africaines', status: 'original' });
    expect(row.title.en).toMatchObject({ status: 'human' });
    expect(row.summary?.en).toBeUndefined();
    const publisher = await db().selectFrom('resource_publishers as p').innerJoin('organisations as o', 'o.id', 'p.organisation_id').select('o.name').where('p.resource_id', '=', row.id).executeTakeFirstOrThrow();
    expect(publisher.name.fr?.text).toBe('Réseau africain de l’ESS');
    const audit = await db().selectFrom('audit_log').select('action').where('action', '=', 'library.resource.create').execute();
    expect(audit).toHaveLength(1);
    const page = await t.app.inject('/en/library/les-finances-solidaires-dans-les-villes-africaines');
    expect(page.body).toContain('Solidarity finance in African cities');
    // A slug already used is refused next to the field.
    const again = await editor.post('/en/admin/library', { ...NEW_RESOURCE, slug: 'les-finances-solidaires-dans-les-villes-africaines' }, { from: '/en/admin/library/new' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Another resource already uses this address.');
  });

  it('edits texts: changing the original marks the translations outdated', async () => {
    const slug = 'les-finances-solidaires-dans-les-villes-africaines';
    const response = await editor.post(`/en/admin/library/${slug}`, { ...NEW_RESOURCE, title_fr: 'Finances solidaires dans les villes d’Afrique', title_es: 'Finanzas solidarias en las ciudades africanas' });
    expect(response.statusCode).toBe(303);
    const row = await db().selectFrom('resources').select(['title']).where('slug', '=', slug).executeTakeFirstOrThrow();
    expect(row.title.fr).toMatchObject({ text: 'Finances solidaires dans les villes d’Afrique', status: 'original' });
    expect(row.title.en?.status).toBe('outdated');
    expect(row.title.es).toMatchObject({ text: 'Finanzas solidarias en las ciudades africanas', status: 'human' });
    expect((await t.app.inject(`/en/library/${slug}`)).body).toContain('this translation may be out of date');
  });
});

describe('files', () => {
  const slug = 'les-finances-solidaires-dans-les-villes-africaines';

  it('refuses a file whose content is not accepted, whatever its name, and stores nothing', async () => {
    const response = await upload(slug, { name: 'rapport.pdf', type: 'application/pdf', content: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<p class="field-error" id="file-error">This kind of file is not accepted here.</p>');
    const gif = await upload(slug, { name: 'photo.png', type: 'image/png', content: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64') });
    expect(gif.statusCode).toBe(400);
    expect(await filesOf(slug)).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a file over 20 MB, an empty file, no file, and a post without CSRF token', async () => {
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(20 * 1024 * 1024 + 1 - SAMPLE_FILES.pdf.length, 0x20)]);
    const tooLarge = await upload(slug, { name: 'big.pdf', type: 'application/pdf', content: big });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.body).toContain('This file is too large.');
    const empty = await upload(slug, { name: 'empty.pdf', type: 'application/pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose a file that is not empty.');
    expect((await upload(slug, null)).statusCode).toBe(400);
    const badLang = await upload(slug, { name: 'a.pdf', type: 'application/pdf', content: makePdf(['x']) }, { lang: 'xx' });
    expect(badLang.statusCode).toBe(400);
    const noToken = await upload(slug, { name: 'a.pdf', type: 'application/pdf', content: makePdf(['x']) }, {}, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(await filesOf(slug)).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });

  it('stores a French PDF as pending, extracts its text in the job, and a Spanish query finds it by a word inside', async () => {
    const pdf = makePdf(['Rapport sur les villes africaines', 'La finance solidaire soutient les coopératives de Dakar et de Kampala.']);
    const response = await upload(slug, { name: 'Étude (finance).pdf', type: 'application/octet-stream', content: pdf });
    expect(response.statusCode).toBe(303);
    const [file] = await filesOf(slug);
    expect(file).toMatchObject({ file_name: 'Étude (finance).pdf', mime: 'application/pdf', size: pdf.length, lang: 'fr', extraction: 'pending', extracted_text: null, downloads: 0 });
    expect(file!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await editor.get(`/en/admin/library/${slug}`)).body).toContain('Text extraction pending');
    expect((await editor.get(`/en/library/${slug}`)).body).toContain('Text extraction pending');
    // Visitors see the file, not the back-office state.
    const publicPage = (await t.app.inject(`/en/library/${slug}`)).body;
    expect(publicPage).toContain(`href="/media/library/${file!.id}/%C3%89tude%20(finance).pdf"`);
    expect(publicPage).not.toContain('Text extraction');

    // Before extraction, the words of the PDF find nothing of it.
    const slugsFound = async (url: string) => (await t.app.inject(url)).json().items.map((item: { slug: string }) => item.slug);
    expect(await slugsFound('/api/v1/search?q=cooperativas%20Kampala&lang=es')).not.toContain(slug);

    expect(await t.app.ctx.jobs.drain([EXTRACT_JOB])).toBe(1);
    const [done] = await filesOf(slug);
    expect(done!.extraction).toBe('done');
    expect(done!.extracted_text).toContain('La finance solidaire soutient les coopératives de Dakar');
    expect(done!.extracted_at).not.toBeNull();
    expect((await editor.get(`/en/admin/library/${slug}`)).body).toContain('Text extracted');

    // The resource's search document carries the extracted text, in French.
    const texts = await t.app.ctx.pool.query(`SELECT s.lang FROM search_texts s JOIN search_documents d ON d.id = s.document_id WHERE d.kind = 'resource' AND d.slug = $1`, [slug]);
    expect(texts.rows.map((row) => row.lang)).toContain('fr');
    // "cooperativas" (Spanish) meets "coopératives" inside the French PDF through the glossary.
    expect(await slugsFound('/api/v1/search?q=cooperativas%20Kampala&lang=es')).toContain(slug);
  });

  it('extracts DOCX and ODT text too, and stores an image without extraction', async () => {
    expect((await upload(slug, { name: 'notes.docx', type: 'application/msword', content: makeDocx(['Première partie', 'Monnaies locales & banques éthiques']) })).statusCode).toBe(303);
    expect((await upload(slug, { name: 'annexe.odt', type: 'application/octet-stream', content: makeOdt(['Annexe', 'Tableau des fonds de garantie']) })).statusCode).toBe(303);
    expect((await upload(slug, { name: 'photo.png', type: 'image/png', content: SAMPLE_FILES.png }, { lang: '' })).statusCode).toBe(303);
    expect(await t.app.ctx.jobs.drain([EXTRACT_JOB])).toBe(2);
    const files = await filesOf(slug);
    expect(files.map((f) => [f.file_name, f.extraction])).toEqual([
      ['Étude (finance).pdf', 'done'], ['notes.docx', 'done'], ['annexe.odt', 'done'], ['photo.png', 'none'],
    ]);
    expect(files[1]!.extracted_text).toBe('Première partie\nMonnaies locales & banques éthiques');
    expect(files[2]!.extracted_text).toBe('Annexe\nTableau des fonds de garantie');
    expect(files[3]).toMatchObject({ mime: 'image/png', lang: null, extracted_text: null });
  });

  it('records a failed extraction, shows it, and leaves the job to be retried', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x41)]);
    expect((await upload(slug, { name: 'broken.pdf', type: 'application/pdf', content: broken })).statusCode).toBe(303);
    expect(await t.app.ctx.jobs.drain([EXTRACT_JOB])).toBe(0);
    const failed = (await filesOf(slug)).find((f) => f.file_name === 'broken.pdf')!;
    expect(failed.extraction).toBe('failed');
    expect(failed.extraction_error).toBeTruthy();
    expect((await editor.get(`/en/admin/library/${slug}`)).body).toContain('Text extraction failed (it will be retried)');
    const jobs = await t.app.ctx.pool.query(`SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND data->>'fileId' = $2`, [EXTRACT_JOB, String(failed.id)]);
    expect(jobs.rows.map((row) => row.state)).toEqual(['retry']);
  });

  it('counts downloads atomically and sends files safely', async () => {
    const [file] = await filesOf(slug);
    const url = `/media/library/${file!.id}/x.pdf`;
    const first = await t.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(first.statusCode).toBe(200);
    // Uploaded files are sent as stored: never compressed again.
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['content-disposition']).toBe(`attachment; filename="Etude finance.pdf"; filename*=UTF-8''%C3%89tude%20%28finance%29.pdf`);
    expect(first.headers['x-page-cache']).toBeUndefined();
    await Promise.all(Array.from({ length: 8 }, () => t.app.inject(url)));
    const after = (await filesOf(slug))[0]!;
    expect(after.downloads).toBe(9);
    // A HEAD is not a download.
    expect((await t.app.inject({ method: 'HEAD', url })).statusCode).toBe(200);
    expect((await filesOf(slug))[0]!.downloads).toBe(9);
    expect((await t.app.inject('/media/library/999999/x.pdf')).statusCode).toBe(404);
    expect((await t.app.inject('/media/library/abc/x.pdf')).statusCode).toBe(400);
  });

  it('hides a members-only resource’s files from visitors (404) but not from members', async () => {
    const other = await editor.post('/en/admin/library', { ...NEW_RESOURCE, slug: 'internal-note', visibility: 'members', title_fr: 'Note interne' }, { from: '/en/admin/library/new' });
    expect(other.statusCode).toBe(303);
    expect((await upload('internal-note', { name: 'note.pdf', type: 'application/pdf', content: makePdf(['Note interne sur le budget']) })).statusCode).toBe(303);
    const [file] = await filesOf('internal-note');
    const visitor = await t.app.inject(`/media/library/${file!.id}/note.pdf`);
    expect(visitor.statusCode).toBe(404);
    const member = await contact.get(`/media/library/${file!.id}/note.pdf`);
    expect(member.statusCode).toBe(200);
    expect(member.headers['cache-control']).toBe('private, no-store');
    expect((await filesOf('internal-note'))[0]!.downloads).toBe(1);
  });

  it('deletes a file: the row, its bytes and its text in the index', async () => {
    const files = await filesOf(slug);
    const before = await storedFiles();
    const docx = files.find((f) => f.file_name === 'notes.docx')!;
    const response = await editor.post(`/en/admin/library/${slug}/files/${docx.id}/delete`, {}, { from: `/en/admin/library/${slug}` });
    expect(response.statusCode).toBe(303);
    expect((await filesOf(slug)).map((f) => f.id)).not.toContain(docx.id);
    expect(await storedFiles()).toHaveLength(before.length - 1);
    expect((await t.app.inject(`/media/library/${docx.id}/notes.docx`)).statusCode).toBe(404);
    expect((await editor.post(`/en/admin/library/${slug}/files/${docx.id}/delete`, {}, { from: `/en/admin/library/${slug}` })).statusCode).toBe(404);
  });
});
