import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { GSEF2018_PROGRAMME } from '../../seed/initiatives-gsef2018.ts';
import { GSEF2018_SUMMARIES } from '../../seed/initiatives-gsef2018-summaries.ts';
import { decodeBooklet, parseBooklet } from './booklet.ts';
import { seedInitiatives } from './seed.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('the GSEF2018 dataset', () => {
  it('is loaded on a fresh database: every entry, with an English and French summary of our own', async () => {
    const count = await t.database.db.selectFrom('initiatives').select((eb) => eb.fn.countAll<string>().as('n')).where('event_slug', '=', 'gsef2018-bilbao').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(GSEF2018_PROGRAMME.entries.length);
    expect(GSEF2018_PROGRAMME.entries.length).toBe(115);
    for (const entry of GSEF2018_PROGRAMME.entries) {
      expect(GSEF2018_SUMMARIES[entry.code]?.en, entry.code).toBeTruthy();
      expect(GSEF2018_SUMMARIES[entry.code]?.fr, entry.code).toBeTruthy();
    }
    expect(Object.keys(GSEF2018_SUMMARIES).sort()).toEqual(GSEF2018_PROGRAMME.entries.map((entry) => entry.code).sort());
  });

  it('seeds idempotently: loading it again changes no row', async () => {
    const rows = () => Promise.all([
      t.database.db.selectFrom('initiatives').selectAll().orderBy('id').execute(),
      t.database.db.selectFrom('programme_workshops').selectAll().orderBy('id').execute(),
      t.database.db.selectFrom('organisations').selectAll().orderBy('id').execute(),
    ]);
    const before = await rows();
    await t.database.db.transaction().execute((trx) => seedInitiatives(trx));
    expect(await rows()).toEqual(before);
  });

  const booklet = path.resolve(here, '../../../shared/seeds/004_307cc80dd0114172.txt');
  it.runIf(fs.existsSync(booklet))('commits none of the booklet’s prose (no run of eight words from its summaries)', () => {
    const parsed = parseBooklet(decodeBooklet(fs.readFileSync(booklet)).text);
    // Facts (titles, names, roles) may repeat the booklet; the summaries must be ours, and the facts file holds none of its summaries.
    const committed = fs.readFileSync(path.resolve(here, '../../seed/initiatives-gsef2018-summaries.ts'), 'utf8').toLowerCase();
    const facts = fs.readFileSync(path.resolve(here, '../../seed/initiatives-gsef2018.ts'), 'utf8').toLowerCase();
    expect(facts).not.toContain('"summary"');
    let checked = 0;
    for (const entry of parsed.entries) {
      const words = entry.summary.toLowerCase().split(/\s+/);
      for (let i = 0; i + 8 <= words.length; i += 4) {
        checked++;
        const run = words.slice(i, i + 8).join(' ');
        expect(committed.includes(run) || facts.includes(run.replace(/"/g, '\\"')) && run.length > 80, `${entry.code}: ${run}`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('the initiatives archive', () => {
  it.each(['en', 'fr', 'es', 'ko'])('lists the initiatives with facets and counts in %s', async (lang) => {
    const response = await get(`/${lang}/initiatives`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    const counts = { en: '115 initiatives', fr: '115 initiatives', es: '115 iniciativas', ko: '이니셔티브 115개' } as Record<string, string>;
    expect(html).toContain(counts[lang]);
    expect(html).toContain(`href="/${lang}/initiatives/programme/gsef2018-bilbao"`);
    expect(html).toMatch(/name="country" value="KR"/);
    expect(html).toMatch(/name="theme" value="finance"/);
    expect(html).toMatch(/name="kind" value="local_government"/);
    expect(html).toContain('rel="next"');
  });

  it('filters by facets (AND across facets), searches text and paginates', async () => {
    const korea = await get('/en/initiatives?country=KR');
    expect(korea.body).toContain('5 initiatives');
    const both = await get('/en/initiatives?country=ES&session=4');
    expect(both.body).toContain('5 initiatives');
    const search = await get('/en/initiatives?q=mondragon');
    expect(search.body).toContain("Apports de l'Expérience Coopérative Mondragón");
    expect(search.body).toContain('5 initiatives');
    const page2 = await get('/en/initiatives?page=2');
    expect(page2.body).toContain('rel="prev"');
  });

  it('answers unknown facet values with an empty list, never an error', async () => {
    for (const url of ['/en/initiatives?country=ZZ', '/en/initiatives?theme=nope', '/en/initiatives?event=%01', '/en/initiatives?page=-4&region=mars', '/en/initiatives?q=' + 'x'.repeat(5000), '/api/v1/initiatives?country=%01']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
    }
    // A NUL byte is refused like everywhere else (issue 17): a 400, never a 500.
    for (const url of ['/en/initiatives?event=%00%01', '/en/initiatives?q=%00a', '/api/v1/initiatives?event=%00&country=%01']) {
      expect((await get(url)).statusCode, url).toBe(400);
    }
    expect((await get('/en/initiatives?country=ZZ')).body).toContain('0 initiatives');
  });

  it('shows an initiative with its presenters, organisation, place, links, related initiatives and JSON-LD', async () => {
    const list = await get('/api/v1/initiatives?country=ES&q=koopera');
    const [koopera] = list.json().items;
    expect(koopera).toMatchObject({ code: '1.1.2', organisation: 'Koopera', city: 'Munguía', country: 'ES', event: 'gsef2018-bilbao', session: '1', workshop: '1.1' });
    const page = await get(`/fr/initiatives/${koopera.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Javier Mariño');
    expect(page.body).toContain('http://koopera.org/');
    expect(page.body).toContain('Munguía, Pays Basque, Espagne');
    expect(page.body).toContain('Du même lieu');
    expect(page.body).toContain('Sur les mêmes thèmes');
    const ld = page.body.match(/<script type="application\/ld\+json">(.*?)<\/script>/s);
    const data = JSON.parse(ld![1]!);
    expect(data).toMatchObject({ '@type': 'CreativeWork', identifier: '1.1.2', creator: { '@type': 'Organization', name: 'Koopera' } });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get('/fr/initiatives/no-such-thing')).statusCode).toBe(404);
  });

  it('shows the programme as the booklet is organised: days, sessions, workshops, items', async () => {
    const response = await get('/en/initiatives/programme/gsef2018-bilbao');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html.match(/<h2 id="day-/g)).toHaveLength(3);
    expect(html.match(/<h3 id="session-/g)).toHaveLength(9);
    expect(html.match(/<h4 id="workshop-/g)).toHaveLength(42);
    expect(html).toContain('Monday, October 1, 2018');
    expect(html.indexOf('id="session-3"')).toBeLessThan(html.indexOf('id="day-2"'));
    expect(html.indexOf('id="workshop-4.1"')).toBeLessThan(html.indexOf('4.1.1'));
    expect((await get('/en/initiatives/programme/unknown-event')).statusCode).toBe(404);
  });
});

describe('the programme heading', () => {
  it.each([
    ['en', 'GSEF2018 Bilbao — 1 – 3 October 2018'],
    ['fr', 'GSEF2018 Bilbao — 1–3 octobre 2018'],
    ['es', 'GSEF2018 Bilbao — 1–3 de octubre de 2018'],
    ['ko', 'GSEF2018 빌바오 — 2018년 10월 1일~3일'],
  ])('names the event and its dates rather than its slug, in %s', async (lang, name) => {
    const html = (await get(`/${lang}/initiatives/programme/gsef2018-bilbao`)).body;
    const h1 = html.match(/<h1>([^<]*)<\/h1>/)![1]!.replace(/[\u2009\u202f]/g, ' ');
    expect(h1).toContain(name);
    expect(h1).not.toContain('gsef2018-bilbao');
  });
});

describe('the initiatives API', () => {
  it('lists, filters by event, country and theme, and gives one item', async () => {
    const all = (await get('/api/v1/initiatives?event=gsef2018-bilbao&limit=100')).json();
    expect(all.total).toBe(115);
    expect(Object.keys(all.items[0])).toEqual(expect.arrayContaining(['slug', 'code', 'title', 'organisation', 'city', 'country', 'event', 'session', 'workshop']));
    const kr = (await get('/api/v1/initiatives?country=kr')).json();
    expect(kr.total).toBe(5);
    expect(kr.items.every((item: { country: string }) => item.country === 'KR')).toBe(true);
    const finance = (await get('/api/v1/initiatives?theme=finance&limit=100')).json();
    expect(finance.total).toBeGreaterThan(5);
    expect(finance.items.every((item: { themes: string[] }) => item.themes.includes('finance'))).toBe(true);
    expect((await get('/api/v1/initiatives?country=ZZ')).json()).toEqual({ items: [], total: 0 });
    const one = (await get(`/api/v1/initiatives/${all.items[0].slug}?lang=fr`)).json();
    expect(one).toMatchObject({ code: '1.1.1', country: 'US', summary: { lang: 'fr', status: 'human' } });
    expect(one.presenters[0]).toMatchObject({ name: 'David Levine' });
    expect((await get('/api/v1/initiatives?limit=1000')).statusCode).toBe(400);
    expect((await get('/api/v1/initiatives/nothing-here')).statusCode).toBe(404);
  });

  it('exports CSV', async () => {
    const response = await get('/api/v1/initiatives.csv?country=KR');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('slug,code,kind,title,organisation,organisationKind,city,country,region,latitude,longitude,event,session,workshop,workshopTitle,themes,sdgs,url');
    expect(lines).toHaveLength(6);
  });
});
