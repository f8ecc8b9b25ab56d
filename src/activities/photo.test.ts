import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, SAMPLE_FILES, signIn, type TestApp, type Visitor } from '../../test/helpers.ts';

let t: TestApp;
let editor: Visitor;
let photo: Buffer;
const PAGE = '/admin/activities/gsef2018-bilbao/photo';
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'photo-editor@example.org', ['editor']);
  await createUser(t.app, 'photo-contact@example.org', ['member_contact']);
  editor = await signIn(t.app, 'photo-editor@example.org');
  photo = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#884422' } }).jpeg().toBuffer();
});
afterAll(() => t?.close());

async function upload(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }, lang = 'en') {
  const token = csrfTokenIn((await editor.get(`/${lang}${PAGE}`)).body);
  const { payload, headers } = multipart({ _csrf: token, ...fields }, file ? { image: file } : {});
  return t.app.inject({ method: 'POST', url: `/${lang}${PAGE}`, payload, headers: { ...headers, cookie: editor.cookies } });
}
const photoId = async () => (await t.app.ctx.db.selectFrom('activities').select('photo_image_id').where('slug', '=', 'gsef2018-bilbao').executeTakeFirstOrThrow()).photo_image_id;

describe('an event’s photo', () => {
  it('is refused to visitors, member contacts and forms without their token', async () => {
    expect((await t.app.inject(`/en${PAGE}`)).statusCode).toBe(303);
    const contact = await signIn(t.app, 'photo-contact@example.org');
    expect((await contact.get(`/en${PAGE}`)).statusCode).toBe(403);
    const { payload, headers } = multipart({ image_alt: 'x' }, { image: { name: 'a.jpg', type: 'image/jpeg', content: photo } });
    expect((await t.app.inject({ method: 'POST', url: `/en${PAGE}`, payload, headers: { ...headers, cookie: editor.cookies } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/en${PAGE}`, payload, headers: { ...headers, cookie: contact.cookies } })).statusCode).toBe(403);
    expect(await photoId()).toBeNull();
  });

  it('is checked by content, size and alt text, each named in the editor’s language', async () => {
    const pdf = await upload({ image_alt: 'Photo' }, { name: 'photo.jpg', type: 'image/jpeg', content: SAMPLE_FILES.pdf }, 'fr');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.body).toContain('Ce type de fichier n’est pas accepté ici.');
    const big = await upload({ image_alt: 'Photo' }, { name: 'photo.jpg', type: 'image/jpeg', content: Buffer.concat([photo, Buffer.alloc(8 * 1024 * 1024)]) });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('This file is too large.');
    const noAlt = await upload({ image_alt: '' }, { name: 'photo.jpg', type: 'image/jpeg', content: photo }, 'es');
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Describa la imagen en pocas palabras para quien no pueda verla.');
    expect(await photoId()).toBeNull();
    expect(await t.app.ctx.db.selectFrom('image_variants').selectAll().execute()).toEqual([]);
  });

  it('is shown on the event’s page in three widths of AVIF, WebP and JPEG, at once', async () => {
    await t.app.inject('/fr/activities/gsef2018-bilbao');
    const saved = await upload({ image_alt: 'La salle plénière du forum' }, { name: 'photo.jpg', type: 'image/jpeg', content: photo }, 'fr');
    expect(saved.statusCode).toBe(303);
    const id = await photoId();
    const page = (await t.app.inject('/fr/activities/gsef2018-bilbao')).body;
    const base = `/media/images/${id}`;
    expect(page).toContain(`<source type="image/avif" srcset="${base}/320.avif 320w, ${base}/640.avif 640w, ${base}/1280.avif 1280w" sizes="(min-width: 72rem) 70rem, 100vw"/>`);
    expect(page).toContain(`<img src="${base}/640.jpg" srcset="${base}/320.jpg 320w, ${base}/640.jpg 640w, ${base}/1280.jpg 1280w" sizes="(min-width: 72rem) 70rem, 100vw" width="1280" height="640" alt="La salle plénière du forum" decoding="async"/>`);
    // In English the French alt text is given, marked as French.
    expect((await t.app.inject('/en/activities/gsef2018-bilbao')).body).toContain('alt="La salle plénière du forum" lang="fr"');
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'activity.photo').execute();
    expect(audit).toHaveLength(1);
  });

  it('is removed with its files', async () => {
    const keys = (await t.app.ctx.db.selectFrom('image_variants').select('file_key').execute()).map((row) => row.file_key);
    expect(keys).toHaveLength(9);
    const removed = await upload({ remove_image: 'on' });
    expect(removed.statusCode).toBe(303);
    expect(await photoId()).toBeNull();
    for (const key of keys) expect(await t.app.ctx.files.get(key)).toBeNull();
    expect((await t.app.inject('/en/activities/gsef2018-bilbao')).body).not.toContain('<picture');
  });
});
