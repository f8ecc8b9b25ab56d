import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from './http-error.ts';
import { createTestApp, FORM, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, (app) => {
    app.get('/en/test-crash', async () => {
      throw new Error('secret internal detail');
    });
    app.get('/fr/test-teapot', async () => {
      throw new HttpError(418, 'error.bad_request');
    });
  });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('languages', () => {
  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.8', '/fr/'],
    ['es-MX', '/es/'],
    ['ko-KR,ko;q=0.9', '/ko/'],
    ['de-DE,de;q=0.9', '/en/'],
    ['de;q=0.9, es;q=0.5, fr;q=0.7', '/fr/'],
    ['', '/en/'],
  ])('sends Accept-Language "%s" from / to %s', async (header, location) => {
    const response = await get('/', { 'accept-language': header });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(location);
    expect(response.headers.vary).toContain('accept-language');
  });

  it.each([
    ['en', 'Global Social Economy Forum', 'Our mission'],
    ['fr', 'Forum mondial de l’économie sociale', 'Notre mission'],
    ['es', 'Foro Global de la Economía Social', 'Nuestra misión'],
    ['ko', '국제사회적경제협의체', '우리의 사명'],
  ])('serves the home page in %s, with its alternates and switcher', async (lang, name, missionHeading) => {
    const response = await get(`/${lang}/`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html.startsWith('<!doctype html><html lang="' + lang + '"')).toBe(true);
    expect(html).toContain(`<h1 id="home-title">${name}</h1>`);
    expect(html).toContain(missionHeading);
    for (const other of ['en', 'fr', 'es', 'ko']) {
      expect(html).toContain(`<link rel="alternate" hreflang="${other}" href="http://passerelle.test/${other}/"/>`);
      expect(html).toContain(`<a href="/${other}/" hreflang="${other}" lang="${other}"`);
    }
    expect(html).toContain('hreflang="x-default"');
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<main id="main"');
  });

  it('formats the figures with the language and computes them from the data', async () => {
    const years = new Date().getUTCFullYear() - 2013;
    expect((await get('/en/')).body).toContain(`<span class="figure-value">${years}</span> <span class="figure-label">years of cooperation</span>`);
    expect((await get('/fr/')).body).toContain('<span class="figure-value">13</span> <span class="figure-label">sièges au comité directeur</span>');
    expect((await get('/ko/')).body).toContain('공식 언어: 영어, 프랑스어 및 스페인어.');
  });

  it('sends /fr to /fr/', async () => {
    const response = await get('/fr');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/fr/');
  });

  it('shows content missing in the reader’s language in another one, with a notice in theirs', async () => {
    const onlyFrench = { fr: { text: 'Réseaux membres qui animent la vie du réseau.', status: 'original', updatedAt: '2026-11-01T00:00:00Z' } };
    await t.app.ctx.db.updateTable('bodies').set({ description: JSON.stringify(onlyFrench) }).where('slug', '=', 'general-assembly').execute();
    await t.app.ctx.pageCache.invalidate();
    const html = (await get('/ko/')).body;
    expect(html).toContain('<p class="content-notice" role="note">이 글은 아직 한국어로 제공되지 않아 프랑스어로 표시합니다.</p><p lang="fr">Réseaux membres qui animent la vie du réseau.</p>');
    const french = (await get('/fr/')).body;
    expect(french).toContain('<p>Réseaux membres qui animent la vie du réseau.</p>');
    expect(french).not.toContain('content-notice');
  });

  it('answers an unsupported language prefix with a 404 naming the supported ones', async () => {
    const response = await get('/de/', { 'accept-language': 'es' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Idioma no disponible');
    expect(response.body).toContain('<a href="/ko/" lang="ko" hreflang="ko">홈</a>');
  });
});

describe('errors', () => {
  it('shows a localized 404 page for an unknown address', async () => {
    const response = await get('/es/no-existe');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<html lang="es"');
    expect(response.body).toContain('Página no encontrada');
  });

  it('never shows a stack trace or internal message on a server error', async () => {
    const response = await get('/en/test-crash');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Something went wrong');
    expect(response.body).not.toContain('secret internal detail');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('keeps the status of an error meant for the reader', async () => {
    const response = await get('/fr/test-teapot');
    expect(response.statusCode).toBe(418);
    expect(response.body).toContain('Requête incomprise');
  });

  it('answers 405 with Allow to an unexpected method', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/ko/' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.body).toContain('허용되지 않는 작업');
  });

  it('answers 400 to an address that is not valid UTF-8', async () => {
    const response = await get('/fr/%E9t%E9');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Adresse invalide');
  });

  it('refuses a form body that is not UTF-8, in the page language', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/es/sign-in',
      headers: FORM,
      payload: Buffer.from('email=caf%E9%40x.org&password=x'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Texto ilegible');
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/en/sign-in',
      headers: FORM,
      payload: `email=${'a'.repeat(t.config.bodyLimit + 10)}`,
    });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Too much data');
  });

  it('refuses an unsupported content type with 415', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/fr/sign-in', headers: { 'content-type': 'application/x-thing' }, payload: 'x' });
    expect(response.statusCode).toBe(415);
    expect(response.body).toContain('Format non pris en charge');
  });
});

describe('delivery', () => {
  it('sends strict security headers and no inline script', async () => {
    const response = await get('/en/');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // The one script is the search suggestions, a same-origin file loaded with defer: no inline code.
    const scripts = [...response.body.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([tag]) => /src="\/assets\/search\.[0-9a-f]{10}\.js" defer/.test(tag))).toEqual([true]);
    expect(scripts.every(([, body]) => body === '')).toBe(true);
    expect(response.body).not.toContain('style=');
  });

  it('serves the stylesheet under a fingerprinted name, cacheable for a year, small', async () => {
    const css = /href="(\/assets\/site\.[0-9a-f]{10}\.css)"/.exec((await get('/en/')).body)?.[1];
    const response = await get(css!);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.length).toBeLessThan(12_000);
  });

  it('caches anonymous pages and answers revalidation with 304', async () => {
    const first = await get('/es/');
    const second = await get('/es/');
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    const etag = second.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const revalidated = await get('/es/', { 'if-none-match': etag });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('clears the page cache for every instance when content changes', async () => {
    await get('/ko/');
    expect((await get('/ko/')).headers['x-page-cache']).toBe('hit');
    await t.app.ctx.pageCache.invalidate();
    expect((await get('/ko/')).headers['x-page-cache']).toBeUndefined();
  });

  it('reports health', async () => {
    const response = await get('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
