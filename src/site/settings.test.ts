import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, SAMPLE_FILES, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { contrastProblems } from './settings.ts';

let t: TestApp;
let editor: Visitor;
let logo: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'site-editor@example.org', ['editor']);
  await createUser(t.app, 'site-contact@example.org', ['member_contact']);
  editor = await signIn(t.app, 'site-editor@example.org');
  // A logo with transparency, wider than the largest size made.
  logo = await sharp({ create: { width: 1600, height: 400, channels: 4, background: { r: 11, g: 93, b: 75, alpha: 0.5 } } }).png().toBuffer();
});
afterAll(() => t?.close());

async function post(visitor: Visitor, fields: Record<string, string>, files: Parameters<typeof multipart>[1] = {}, lang = 'en') {
  const token = csrfTokenIn((await visitor.get(`/${lang}/admin/site`)).body);
  const { payload, headers } = multipart({ _csrf: token, short_name: 'GSEF', brand_colour: '', accent_colour: '', ...fields }, files);
  return t.app.inject({ method: 'POST', url: `/${lang}/admin/site`, payload, headers: { ...headers, cookie: visitor.cookies } });
}

describe('the site’s identity', () => {
  it('is the network’s: GSEF in titles and the header, Passerelle named in the footer', async () => {
    const page = (await t.app.inject('/fr/activities')).body;
    expect(page).toContain('<title>Activités · GSEF</title>');
    expect(page).toContain('<span class="brand-name">GSEF</span>');
    expect(page).toContain('<span class="brand-tagline">Forum mondial de l’économie sociale</span>');
    expect(page).toContain('Ce site fonctionne avec Passerelle, un logiciel libre.');
    expect((await t.app.inject('/en/')).body).toContain('<title>GSEF · Global Social Economy Forum</title>');
  });
});

describe('site settings', () => {
  it('are refused to visitors and to member contacts, and to a form without its token', async () => {
    expect((await t.app.inject('/en/admin/site')).statusCode).toBe(303);
    const contact = await signIn(t.app, 'site-contact@example.org');
    expect((await contact.get('/en/admin/site')).statusCode).toBe(403);
    const { payload, headers } = multipart({ short_name: 'Hijacked' });
    const forged = await t.app.inject({ method: 'POST', url: '/en/admin/site', payload, headers: { ...headers, cookie: editor.cookies } });
    expect(forged.statusCode).toBe(403);
    const asContact = await t.app.inject({ method: 'POST', url: '/en/admin/site', payload, headers: { ...headers, cookie: contact.cookies } });
    expect(asContact.statusCode).toBe(403);
    expect(await t.app.ctx.db.selectFrom('site_settings').selectAll().execute()).toEqual([]);
  });

  it('refuse a colour that is not one, and colours that fail WCAG AA contrast, saying why in the reader’s language', async () => {
    const malformed = await post(editor, { brand_colour: 'green' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Write a colour as # and six hexadecimal digits');
    // Light yellow under white text: 1.3:1.
    const pale = await post(editor, { brand_colour: '#f2e14e' }, {}, 'fr');
    expect(pale.statusCode).toBe(400);
    expect(pale.body).toContain('Un texte blanc sur cette couleur');
    expect(pale.body).toMatch(/Contraste mesuré : 1,\d:1 ; requis : 4,5:1\./);
    // A dark accent vanishes on the dark green header.
    const accent = await post(editor, { accent_colour: '#123456' }, {}, 'es');
    expect(accent.statusCode).toBe(400);
    expect(accent.body).toContain('no se distinguiría lo suficiente del color principal');
    expect(await t.app.ctx.db.selectFrom('site_settings').selectAll().execute()).toEqual([]);
  });

  it('checks the pairs the stylesheet draws', () => {
    expect(contrastProblems(null, null)).toEqual([]);
    expect(contrastProblems('#0b5d4b', '#f2c14e')).toEqual([]);
    // Grey: too light under white text (the default yellow, which no longer stands out on it, is not
    // blamed until the main colour is legible), and a legible colour on which the default yellow vanishes.
    expect(contrastProblems('#777777', null).map((p) => p.field)).toEqual(['brand_colour']);
    expect(contrastProblems('#707070', null).map((p) => p.key)).toEqual(['site.contrast.accent_brand']);
    expect(contrastProblems(null, '#f5f5f5').map((p) => p.key)).toEqual([]);
    // Grey on a very dark green: a visible focus ring (3.6:1), but dark words on it would be 3.9:1.
    expect(contrastProblems('#0b2a1f', '#7a7a7a').map((p) => p.key)).toEqual(['site.contrast.accent_ink']);
  });

  it('refuse a logo that is not an image, one too big, and one without its alt text', async () => {
    const pdf = await post(editor, { logo_alt: 'Logo' }, { logo: { name: 'logo.png', type: 'image/png', content: SAMPLE_FILES.pdf } });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.body).toContain('This kind of file is not accepted here.');
    const big = Buffer.concat([logo, Buffer.alloc(8 * 1024 * 1024)]);
    const tooBig = await post(editor, { logo_alt: 'Logo' }, { logo: { name: 'logo.png', type: 'image/png', content: big } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.body).toContain('This file is too large.');
    const noAlt = await post(editor, { logo_alt: '  ' }, { logo: { name: 'logo.png', type: 'image/png', content: logo } }, 'ko');
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('이미지를 볼 수 없는 사람을 위해 몇 단어로 설명해 주세요.');
    expect(await t.app.ctx.db.selectFrom('images').selectAll().execute()).toEqual([]);
  });

  it('set the name, colours and logo on every page at once (the page cache is cleared)', async () => {
    await t.app.inject('/en/activities');
    expect((await t.app.inject('/en/activities')).headers['x-page-cache']).toBe('hit');
    const saved = await post(editor, { short_name: 'GSEF Network', brand_colour: '#1A3D8F', accent_colour: '#F2C14E', logo_alt: 'The GSEF logo' }, { logo: { name: 'logo.png', type: 'image/png', content: logo } });
    expect(saved.statusCode).toBe(303);
    const page = await t.app.inject('/en/activities');
    expect(page.headers['x-page-cache']).toBeUndefined();
    expect(page.body).toContain('<title>Activities · GSEF Network</title>');
    const themeUrl = /<link rel="stylesheet" href="(\/site\/theme-[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
    expect(themeUrl).toBeDefined();
    const theme = await t.app.inject(themeUrl!);
    expect(theme.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(theme.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(theme.body).toBe(':root{--brand:#1a3d8f;--brand-dark:#11285d;--accent:#f2c14e}\n');
    // The logo: three widths in AVIF, WebP and PNG (it has transparency), never enlarged; alt="" in the
    // header link, whose text already names the network.
    const picture = /<picture class="brand-logo">([\s\S]*?)<\/picture>/.exec(page.body)?.[1] ?? '';
    const id = /\/media\/images\/(\d+)\//.exec(picture)?.[1];
    expect(picture).toContain(`<source type="image/avif" srcset="/media/images/${id}/320.avif 320w, /media/images/${id}/640.avif 640w, /media/images/${id}/1280.avif 1280w" sizes="6rem"/>`);
    expect(picture).toContain(`<source type="image/webp" srcset="/media/images/${id}/320.webp 320w, /media/images/${id}/640.webp 640w, /media/images/${id}/1280.webp 1280w" sizes="6rem"/>`);
    expect(picture).toContain(`<img src="/media/images/${id}/640.png" srcset="/media/images/${id}/320.png 320w, /media/images/${id}/640.png 640w, /media/images/${id}/1280.png 1280w" sizes="6rem" width="1280" height="320" alt decoding="async"/>`);
    for (const [file, type] of [['320.avif', 'image/avif'], ['1280.webp', 'image/webp'], ['640.png', 'image/png']] as const) {
      const image = await t.app.inject(`/media/images/${id}/${file}`);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe(type);
      const meta = await sharp(image.rawPayload).metadata();
      const [width, extension] = file.split('.') as [string, string];
      expect(meta.width).toBe(Number(width));
      expect(meta.format).toBe(extension === 'avif' ? 'heif' : extension);
    }
    expect((await t.app.inject(`/media/images/${id}/900.png`)).statusCode).toBe(404);
    // Its alt text, in the editor's language, where the logo stands alone.
    expect((await editor.get('/en/admin/site')).body).toContain('alt="The GSEF logo"');
  });

  it('replace the logo and remove the old one’s files', async () => {
    const before = await t.app.ctx.db.selectFrom('image_variants').select('file_key').execute();
    expect(before).toHaveLength(9);
    const small = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const saved = await post(editor, { short_name: 'GSEF', logo_alt: 'Logo du GSEF' }, { logo: { name: 'logo.jpg', type: 'image/jpeg', content: small } }, 'fr');
    expect(saved.statusCode).toBe(303);
    const after = await t.app.ctx.db.selectFrom('image_variants').select(['format', 'width']).orderBy('format').execute();
    // Smaller than the smallest size: one width only, the fallback in JPEG.
    expect(after).toEqual([{ format: 'avif', width: 200 }, { format: 'jpeg', width: 200 }, { format: 'webp', width: 200 }]);
    for (const { file_key } of before) expect(await t.app.ctx.files.get(file_key)).toBeNull();
    const page = (await t.app.inject('/fr/')).body;
    expect(page).toContain('<title>GSEF · Forum mondial de l’économie sociale</title>');
    expect(page).not.toContain('/site/theme-');
  });
});
