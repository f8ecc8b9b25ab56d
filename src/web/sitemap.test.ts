import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp } from '../../test/helpers.ts';
import { activitySitemap } from '../activities/sitemap-source.ts';
import { governanceSitemap } from '../governance/sitemap-source.ts';
import { initiativeSitemap } from '../initiatives/sitemap-source.ts';
import { mapSitemap } from '../map/sitemap-source.ts';
import { memberSitemap } from '../members/sitemap-source.ts';
import { homeSitemap } from '../network/sitemap-source.ts';
import { indexXml, SITEMAP_SOURCES, sitemapEntries, urlsetXml } from './sitemap.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ baseUrl: 'http://gsef.example.org' });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const NS = sql`ARRAY[ARRAY['s', 'http://www.sitemaps.org/schemas/sitemap/0.9'], ARRAY['x', 'http://www.w3.org/1999/xhtml']]`;

/** PostgreSQL's libxml2 is the independent XML parser: well-formedness, then XPath over the document. */
async function wellFormed(xml: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select xml_is_well_formed_document(${xml}) as ok`.execute(t.app.ctx.db);
  return rows[0]!.ok;
}
async function xpath(xml: string, path: string): Promise<string[]> {
  const { rows } = await sql<{ value: string }>`select unnest(xpath(${path}, ${xml}::xml, ${NS}))::text as value`.execute(t.app.ctx.db);
  return rows.map((row) => row.value);
}
const count = async (table: 'members' | 'activities' | 'activity_series' | 'initiatives') =>
  Number((await t.app.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('/sitemap.xml', () => {
  it('lists every public page once per language, as well-formed XML at BASE_URL', async () => {
    const response = await get('/sitemap.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(await wellFormed(response.body)).toBe(true);
    const locs = await xpath(response.body, '/s:urlset/s:url/s:loc/text()');
    const events = (await t.app.ctx.db.selectFrom('programme_sessions').select('event_slug').distinct().execute()).length;
    // The modules of this file's sources: home, members, join, governance, activities, calendar,
    // initiatives, map + every member, activity, series, initiative and programme.
    const core = [homeSitemap, memberSitemap, governanceSitemap, activitySitemap, initiativeSitemap, mapSitemap];
    expect(core.every((source) => SITEMAP_SOURCES.includes(source))).toBe(true);
    const corePages = (await Promise.all(core.map((source) => source(t.app.ctx.db)))).flat();
    expect(corePages).toHaveLength(8 + (await count('members')) + (await count('activities')) + (await count('activity_series')) + (await count('initiatives')) + events);
    // Every registered source (library, news… add theirs): one URL per page and language.
    const pages = await sitemapEntries(t.app.ctx.db);
    expect(pages.length).toBeGreaterThanOrEqual(corePages.length);
    expect(locs).toHaveLength(pages.length * 4);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.every((loc) => /^http:\/\/gsef\.example\.org\/(en|fr|es|ko)\//.test(loc))).toBe(true);
    for (const path of ['/', '/members', '/governance', '/activities', '/calendar', '/initiatives', '/map', '/activities/gsef2018-bilbao', '/activities/series/asia-policy-dialogue', '/activities/inaes-webinar-2020-3', '/initiatives/programme/gsef2018-bilbao']) {
      for (const lang of ['en', 'fr', 'es', 'ko']) expect(locs).toContain(`http://gsef.example.org/${lang}${path}`);
    }
    const member = (await t.app.ctx.db.selectFrom('members').select('slug').executeTakeFirstOrThrow()).slug;
    expect(locs).toContain(`http://gsef.example.org/ko/members/${member}`);
  });

  it('gives each URL its four language alternates and x-default, and a lastmod where known', async () => {
    const xml = (await get('/sitemap.xml')).body;
    const url = "/s:urlset/s:url[s:loc='http://gsef.example.org/fr/activities/gsef2018-bilbao']";
    expect(await xpath(xml, `${url}/x:link/@hreflang`)).toEqual(['en', 'fr', 'es', 'ko', 'x-default']);
    expect(await xpath(xml, `${url}/x:link/@href`)).toEqual([
      ...['en', 'fr', 'es', 'ko'].map((lang) => `http://gsef.example.org/${lang}/activities/gsef2018-bilbao`),
      'http://gsef.example.org/en/activities/gsef2018-bilbao',
    ]);
    expect(await xpath(xml, `${url}/x:link[@rel='alternate']/@rel`)).toHaveLength(5);
    expect((await xpath(xml, `${url}/s:lastmod/text()`))[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Every URL carries five alternates.
    const urls = Number((await xpath(xml, 'count(/s:urlset/s:url)'))[0]);
    expect(Number((await xpath(xml, 'count(/s:urlset/s:url/x:link)'))[0])).toBe(urls * 5);
  });

  it('holds no private page: no back-office, sign-in, application draft, search or meeting', async () => {
    const locs = await xpath((await get('/sitemap.xml')).body, '/s:urlset/s:url/s:loc/text()');
    expect(locs.filter((loc) => /\/(admin|sign-in|search|registrations|media)(\/|$)|\/join\/|\/governance\/|\.ics$/.test(loc))).toEqual([]);
  });

  it('lists the application form, the way into the network, in every language', async () => {
    const locs = await xpath((await get('/sitemap.xml')).body, '/s:urlset/s:url/s:loc/text()');
    expect(locs.filter((loc) => loc.endsWith('/join'))).toEqual(['en', 'fr', 'es', 'ko'].map((lang) => `http://gsef.example.org/${lang}/join`));
  });

  it('lists the page describing the open data, the footer’s way to the API, in every language', async () => {
    const locs = await xpath((await get('/sitemap.xml')).body, '/s:urlset/s:url/s:loc/text()');
    expect(locs.filter((loc) => loc.endsWith('/open-data'))).toEqual(['en', 'fr', 'es', 'ko'].map((lang) => `http://gsef.example.org/${lang}/open-data`));
    expect((await get('/ko/open-data')).statusCode).toBe(200);
  });

  it('is cached, and a content write shows at once', async () => {
    await get('/sitemap.xml');
    expect((await get('/sitemap.xml')).headers['x-page-cache']).toBe('hit');
    await createUser(t.app, 'sitemap-editor@example.org', ['editor']);
    const editor = await signIn(t.app, 'sitemap-editor@example.org');
    const created = await editor.post(
      '/en/admin/activities/new',
      { slug: 'sitemap-check-2030', type: 'webinar', title: 'Sitemap check', summary: 'New.', start: '2030-03-04', precision: 'day', format: 'online' },
      { from: '/en/admin/activities/new' },
    );
    expect(created.statusCode).toBe(303);
    const after = await get('/sitemap.xml');
    expect(after.headers['x-page-cache']).toBeUndefined();
    expect(after.body).toContain('<loc>http://gsef.example.org/es/activities/sitemap-check-2030</loc>');
  });

  it('pages past 50,000 URLs through an index; a bad page number is a 4xx', async () => {
    expect((await get('/sitemap.xml?page=1')).statusCode).toBe(200);
    expect((await get('/sitemap.xml?page=2')).statusCode).toBe(404);
    expect((await get('/sitemap.xml?page=abc')).statusCode).toBe(400);
    const index = indexXml('http://gsef.example.org', 3);
    expect(await wellFormed(index)).toBe(true);
    expect(await xpath(index, '/s:sitemapindex/s:sitemap/s:loc/text()')).toEqual([1, 2, 3].map((n) => `http://gsef.example.org/sitemap.xml?page=${n}`));
  });

  it('escapes what it writes', async () => {
    const xml = urlsetXml('http://gsef.example.org', [{ path: '/library/a&b<"c">' }, { path: '/news/café' }]);
    expect(await wellFormed(xml)).toBe(true);
    expect(await xpath(xml, '/s:urlset/s:url[1]/s:loc/text()')).toEqual(['http://gsef.example.org/en/library/a%26b%3C%22c%22%3E']);
    expect(await xpath(xml, '/s:urlset/s:url[5]/s:loc/text()')).toEqual(['http://gsef.example.org/en/news/caf%C3%A9']);
  });
});

describe('/robots.txt', () => {
  it('points crawlers at the sitemap and keeps them out of the back-office', async () => {
    const response = await get('/robots.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toContain('Sitemap: http://gsef.example.org/sitemap.xml\n');
    expect(response.body).toContain('Disallow: /fr/admin\n');
    expect(response.body).not.toMatch(/Disallow: \/\n/);
  });
});
