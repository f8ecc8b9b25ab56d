import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { seedLibrary } from './seed.ts';
import { SEED_RESOURCES } from './seed-data.ts';

let t: TestApp;
let contact: Visitor;
let editor: Visitor;
const MEMBERS_ONLY = 'gsef-programme-of-activities-2019';

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'contact@example.org', ['member_contact']);
  await createUser(t.app, 'editor@example.org', ['editor']);
  contact = await signIn(t.app, 'contact@example.org');
  editor = await signIn(t.app, 'editor@example.org');
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const publicCount = SEED_RESOURCES.filter((r) => r.visibility !== 'members').length;

describe('the seeded library', () => {
  it('holds the resources of the seed documents, linked to their activities, and seeds idempotently', async () => {
    const rows = () => t.app.ctx.db.selectFrom('resources').selectAll().orderBy('id').execute();
    const before = await rows();
    expect(before).toHaveLength(SEED_RESOURCES.length);
    const paper = before.find((r) => r.slug === 'ilo-future-of-work-position-paper-2019')!;
    expect(paper).toMatchObject({ type: 'position_paper', published_on: '2019-01-01', date_precision: 'year', languages: ['en'] });
    expect(paper.title.en?.status).toBe('original');
    expect(paper.title.ko?.text).toBeTruthy();
    expect(before.filter((r) => r.activity_id !== null).length).toBeGreaterThan(10);
    await t.app.ctx.db.transaction().execute((trx) => seedLibrary(trx));
    expect(await rows()).toEqual(before);
  });
});

describe('/{lang}/library', () => {
  it('lists public resources with facets and counts, in four languages', async () => {
    const en = await get('/en/library');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain(`${publicCount} resources`);
    expect(en.body).toMatch(/<input type="checkbox" name="type" value="video"[^>]*\/> Video <span class="count">\(6\)<\/span>/);
    expect(en.body).toMatch(/name="year" value="2019"/);
    expect(en.body).toMatch(/name="language" value="fr"/);
    expect(en.body).toMatch(/name="theme" value="capacity-building"/);
    expect(en.body).toContain('href="/en/library"');
    for (const [lang, word] of [['fr', 'Bibliothèque'], ['es', 'Biblioteca'], ['ko', '자료실']] as const) {
      const page = await get(`/${lang}/library`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<h1>${word}</h1>`);
    }
    expect((await get('/ko/library')).body).toContain('자료 ' + publicCount + '건');
  });

  it('filters by facets (counting each facet under the others) and by words, ignoring unknown values', async () => {
    const videos = await get('/en/library?type=video');
    expect(videos.body).toContain('6 resources');
    // The type facet still offers the other types, counted without the type filter.
    expect(videos.body).toMatch(/value="report"[^>]*\/> Report <span class="count">\(2\)/);
    const french2019Videos = await get('/fr/library?type=video&language=fr&year=2019');
    expect(french2019Videos.body).toContain('5 ressources');
    expect((await get('/en/library?q=praia')).body).toContain('1 resource<');
    expect((await get('/en/library?q=MANIFESTE')).body).toContain('1 resource<');
    expect((await get('/en/library?q=%25')).body).toContain('0 resources');
    // Words of the stored JSON's keys are not words of the resources.
    expect((await get('/en/library?q=updatedAt')).body).toContain('0 resources');
    const unknown = await get('/en/library?type=nonsense&year=abcd&theme=%3Cscript%3E');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('0 resources');
    expect(unknown.body).not.toContain('<script>');
  });

  it('shows a resource with its activity, publishers and JSON-LD; 404 for an unknown one', async () => {
    const page = await get('/en/library/senegal-capacity-building-report-2019');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Report of the national SSE capacity-building session in Senegal');
    expect(page.body).toContain('href="/en/activities/senegal-national-capacity-building-2019"');
    expect(page.body).toContain('Global Social Economy Forum (GSEF)');
    expect(page.body).toContain('"@type":"Report"');
    expect(page.body).toContain('No file is attached to this resource.');
    // Spanish reader of a French original: the notice says which language is shown.
    const es = await get('/es/library/oif-press-release-senegal-2019');
    expect(es.body).toContain('Comunicado de prensa de la OIF sobre la sesión de Saly');
    expect((await get('/en/library/no-such-thing')).statusCode).toBe(404);
    expect(page.headers['x-page-cache']).toBeUndefined();
    expect((await get('/en/library/senegal-capacity-building-report-2019')).headers['x-page-cache']).toBe('hit');
  });

  it('is in the main menu and the sitemap, without members-only resources', async () => {
    expect((await get('/en/')).body).toContain('href="/en/library"');
    const sitemap = (await get('/sitemap.xml')).body;
    expect(sitemap).toContain('http://passerelle.test/ko/library/praia-manifesto-2017');
    expect(sitemap).not.toContain(MEMBERS_ONLY);
  });
});

describe('members-only resources', () => {
  it('are invisible to visitors: page 404, absent from listing, counts, facets and API', async () => {
    expect((await get(`/en/library/${MEMBERS_ONLY}`)).statusCode).toBe(404);
    const listing = (await get('/en/library?q=programme')).body;
    expect(listing).not.toContain(MEMBERS_ONLY);
    // The only members-only resource is the only report of 2019 in French: facets do not count it.
    expect((await get('/en/library?type=report&year=2019')).body).toContain('1 resource<');
    expect((await get('/en/library?year=2019&type=report')).body).not.toMatch(/value="report"[^>]*\/> Report <span class="count">\(3\)/);
    const api = await get('/api/v1/resources?limit=100');
    expect(api.json().total).toBe(publicCount);
    expect(JSON.stringify(api.json())).not.toContain(MEMBERS_ONLY);
    expect((await get(`/api/v1/resources/${MEMBERS_ONLY}`)).statusCode).toBe(404);
    expect((await get('/api/v1/resources.csv')).body).not.toContain(MEMBERS_ONLY);
  });

  it('are shown to member contacts and staff, never from the page cache', async () => {
    for (const visitor of [contact, editor]) {
      const page = await visitor.get(`/en/library/${MEMBERS_ONLY}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Members only');
      expect(page.headers['x-page-cache']).toBeUndefined();
      expect((await visitor.get('/en/library')).body).toContain(`${publicCount + 1} resources`);
      const api = await visitor.get(`/api/v1/resources/${MEMBERS_ONLY}?lang=fr`);
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ slug: MEMBERS_ONLY, visibility: 'members', title: 'Programme d’activités 2019 du GSEF (provisoire)' });
      expect(api.headers['cache-control']).toBe('private, no-store');
    }
    // The visitor's cached listing was not replaced by a member's.
    expect((await get('/en/library')).body).toContain(`${publicCount} resources`);
  });
});

describe('/api/v1/resources', () => {
  it('lists with filters, pages and languages, and is described in the OpenAPI document', async () => {
    const list = await get('/api/v1/resources?type=declaration&lang=fr');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { title: string }) => i.title)).toEqual(['Déclaration des participants de la formation de Kampala', 'Manifeste de Praia']);
    expect(body.items[0]).toMatchObject({ type: 'declaration', published: '2019-08-23', url: 'http://passerelle.test/fr/library/kampala-participants-declaration-2019' });
    const paged = (await get('/api/v1/resources?limit=2&offset=2')).json();
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBe(publicCount);
    expect((await get('/api/v1/resources?year=2017')).json().total).toBe(1);
    expect((await get('/api/v1/resources?language=en&theme=sdgs')).json().items[0].slug).toBe('untfsse-session-presentations-2019');
    expect((await get('/api/v1/resources?q=kwark')).json().total).toBe(1);
    const one = (await get('/api/v1/resources/praia-manifesto-2017?lang=es')).json();
    expect(one).toMatchObject({ title: 'Manifiesto de Praia', activity: 'led-forum-praia-2017', publishers: ['Global Social Economy Forum (GSEF)'], files: [], published: '2017-10' });
    const openapi = (await get('/api/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/resources', '/api/v1/resources/{slug}', '/api/v1/resources.csv']));
  });

  it('answers bad filters with a 400 naming the problem', async () => {
    for (const query of ['type=nonsense', 'visibility=x&language=xx', 'year=19', 'limit=1000']) {
      const response = await get(`/api/v1/resources?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBeTruthy();
    }
  });

  it('exports CSV', async () => {
    const csv = await get('/api/v1/resources.csv?lang=fr&type=video');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('slug,type,title,summary,languages,published,authors,themes,visibility,externalUrl,url');
    expect(lines).toHaveLength(7);
  });
});
