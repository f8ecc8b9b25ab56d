import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp } from '../../test/helpers.ts';
import { original } from '../i18n/translatable.ts';
import { indexDocument } from './indexer.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await indexDocument(t.database.db, {
    kind: 'resource', sourceId: 910001, slug: 'secret-budget', path: '/library/secret-budget', title: original('en', 'Quetzalcoatl budget minutes'),
    summary: original('en', 'Quetzalcoatl figures <b>for members</b> only.'), bodies: [], names: [], date: '2019-03-01', region: 'asia-pacific', themes: ['finance'], visibility: 'members',
  });
  await indexDocument(t.database.db, {
    kind: 'resource', sourceId: 910002, slug: 'html-title', path: '/library/html-title', title: original('en', 'Tapir <script>alert(1)</script> report'),
    summary: original('en', 'The tapir cooperative <img src=x onerror=alert(1)> grows.'), bodies: [], names: [], date: '2019-03-01', region: null, themes: [], visibility: 'public',
  });
  await createUser(t.app, 'member@example.org', ['member_contact']);
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('/{lang}/search', () => {
  it('lists ranked results with counts, facets and marked snippets in four languages', async () => {
    for (const lang of ['en', 'fr', 'es', 'ko']) {
      const response = await get(`/${lang}/search?q=tapir`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('/library/html-title');
      expect(response.body).toContain('<mark>tapir</mark>');
    }
    const fr = await get('/fr/search?q=tapir');
    expect(fr.body).toContain('1 résultat');
    expect(fr.body).toContain('name="kind" value="resource"');
  });

  it('escapes content and query: no markup but its own <mark>', async () => {
    const query = await get('/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(query.statusCode).toBe(200);
    expect(query.body).not.toContain('<script>alert');
    expect(query.body).toContain('value="&lt;script>alert(1)&lt;/script>"');
    const response = await get('/en/search?q=tapir');
    expect(response.body).not.toContain('<script>alert');
    expect(response.body).not.toContain('<img src=x');
    expect(response.body).toContain('Tapir &lt;script>alert(1)&lt;/script> report');
    const api = await get('/api/v1/search?q=tapir');
    const item = api.json().items[0];
    expect(item.snippet).toContain('<mark>tapir</mark>');
    expect(item.snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(item.title).toBe('Tapir <script>alert(1)</script> report');
  });

  it('hides members-only documents from visitors in results, counts and facets; members see them, never cached', async () => {
    const visitor = await get('/en/search?q=quetzalcoatl');
    expect(visitor.body).not.toContain('secret-budget');
    expect(visitor.body).not.toContain('value="asia-pacific"');
    expect(visitor.body).not.toContain('Quetzalcoatl figures');
    expect((await get('/api/v1/search?q=quetzalcoatl')).json()).toEqual({ items: [], total: 0 });
    const member = await signIn(t.app, 'member@example.org');
    const page = await member.get('/en/search?q=quetzalcoatl');
    expect(page.body).toContain('/library/secret-budget');
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.headers['x-page-cache']).toBeUndefined();
    const api = await member.get('/api/v1/search?q=quetzalcoatl');
    expect(api.json().total).toBe(1);
    expect(api.headers['cache-control']).toContain('private');
    // The visitor's answer, asked again after the member's, still holds nothing.
    expect((await get('/en/search?q=quetzalcoatl')).body).not.toContain('secret-budget');
  });

  it('answers bad input sensibly, never a 500', async () => {
    const queries = ['', '%20%20', 'a'.repeat(5000), '%21%21%21%3F%3F', '%26%20%7C%20!%20%3C-%3E%20%3A*', "'%3B%20DROP%20TABLE%20search_texts%3B--", '%22%22%22', 'tapir&kind=nope&year=abc&region=mars&theme=%3Cb%3E&language=xx&page=-4'];
    for (const q of queries) {
      const page = await get(`/en/search?q=${q}`);
      expect(page.statusCode, q).toBe(200);
      const api = await get(`/api/v1/search?q=${q}`);
      expect(api.statusCode, q).toBe(200);
    }
    expect((await get('/en/search?q=')).body).toContain('Type a few words');
    expect((await get('/en/search?q=%21%21%21')).body).toContain('Nothing to search for');
    expect((await get('/api/v1/search?q=tapir&kind=nope&region=mars')).json().total).toBe(1);
    expect((await get('/api/v1/search?q=tapir&limit=1000')).statusCode).toBe(400);
    expect((await get('/api/v1/search?q=tapir&lang=xx')).statusCode).toBe(400);
  });

  it('filters by facet and pages', async () => {
    const forum = (await get('/api/v1/search?q=forum&limit=2')).json();
    expect(forum.items).toHaveLength(2);
    expect(forum.total).toBeGreaterThan(2);
    const second = (await get('/api/v1/search?q=forum&limit=2&offset=2')).json();
    expect(second.items[0].slug).not.toBe(forum.items[0].slug);
    const initiatives = (await get('/api/v1/search?q=forum&kind=initiative')).json();
    expect(initiatives.items.every((item: { kind: string }) => item.kind === 'initiative')).toBe(true);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await get('/api/openapi.json')).json();
    expect(spec.paths['/api/v1/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'lang', 'kind', 'limit', 'offset']));
  });

  it('has a search box in every page header', async () => {
    const home = await get('/ko/');
    expect(home.body).toMatch(/<form method="get" action="\/ko\/search" role="search"/);
    expect(home.body).toMatch(/<script src="\/assets\/search\.[0-9a-f]+\.js" defer/);
  });
});
