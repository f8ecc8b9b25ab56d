import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('JSON API', () => {
  it('describes the network in the asked language', async () => {
    const response = await get('/api/v1/network?lang=es');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const body = response.json();
    expect(body).toMatchObject({
      name: 'Foro Global de la Economía Social',
      acronym: 'GSEF',
      launchedYear: 2013,
      headquarters: { city: 'Seúl', country: 'KR' },
      officialLanguages: ['en', 'fr', 'es'],
      workingLanguages: ['en', 'fr', 'es', 'ko'],
    });
    expect(body.mission).toMatchObject({ lang: 'es', status: 'human' });
  });

  it('lists with { items, total } and pages with limit and offset', async () => {
    const all = (await get('/api/v1/bodies?lang=ko')).json();
    expect(all.total).toBe(5);
    expect(all.items.map((b: { name: string }) => b.name)).toEqual(['총회', '운영위원회', '국제자문위원', '사무국', '홍보 실무그룹']);
    const page = (await get('/api/v1/bodies?limit=2&offset=2')).json();
    expect(page).toMatchObject({ total: 5, items: [{ slug: 'international-advisors' }, { slug: 'secretariat' }] });
  });

  it.each([
    ['/api/v1/bodies?limit=0', 'limit'],
    ['/api/v1/bodies?limit=101', 'limit'],
    ['/api/v1/bodies?offset=-1', 'offset'],
    ['/api/v1/bodies?limit=abc', 'limit'],
    ['/api/v1/network?lang=de', 'lang'],
  ])('answers %s with a JSON 400 naming the parameter', async (url, field) => {
    const response = await get(url, { 'accept-language': 'fr' });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('Certaines informations envoyées manquaient ou n’étaient pas valides.');
    expect(Object.keys(error.fields)).toEqual([field]);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('publishes an OpenAPI 3 description generated from the route schemas', async () => {
    const spec = (await get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/bodies', '/api/v1/network']));
    expect(Object.keys(spec.paths).every((path) => path.startsWith('/api/v1/'))).toBe(true);
    const parameters = spec.paths['/api/v1/bodies'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['lang', 'limit', 'offset']));
  });
});

describe('API caching', () => {
  it('serves a repeated anonymous API request from the cache, with an ETag', async () => {
    const first = await get('/api/v1/bodies?lang=fr&limit=3');
    const second = await get('/api/v1/bodies?lang=fr&limit=3');
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toContain('application/json');
    expect((await get('/api/v1/bodies?lang=fr&limit=3', { 'if-none-match': String(second.headers.etag) })).statusCode).toBe(304);
  });

  it('never caches an error', async () => {
    await get('/api/v1/bodies?limit=0');
    expect((await get('/api/v1/bodies?limit=0')).headers['x-page-cache']).toBeUndefined();
  });
});
