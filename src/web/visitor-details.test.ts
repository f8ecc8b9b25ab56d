import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { original } from '../i18n/translatable.ts';
import { LANGS } from '../i18n/langs.ts';
import { translator } from '../i18n/i18n.ts';
import { chosenFilters } from './listing.tsx';

/** Issue 18, "details visitors trip over": each one, as the rendered pages show it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('listings', () => {
  it.each(LANGS)('put the filters behind a disclosure before the results, open when some are chosen, in %s', async (lang) => {
    for (const path of ['members', 'activities', 'initiatives', 'library']) {
      const html = (await get(`/${lang}/${path}`)).body;
      const disclosure = html.indexOf('<details class="filters-box">');
      expect(disclosure, path).toBeGreaterThan(0);
      expect(html.indexOf('<form method="get"', disclosure), path).toBeGreaterThan(disclosure);
      const chosen = (await get(`/${lang}/${path}?region=europe`)).body;
      expect(chosen, path).toContain('<details class="filters-box" open>');
    }
    expect(chosenFilters('/members?q=&page=2&sort=name&region=africa&region=europe')).toBe(2);
  });
});

describe('the calendar', () => {
  it('opens, with nothing coming up, on the latest year and says so; with something coming up, on its year', async () => {
    const none = (await get('/en/calendar')).body;
    expect(none).toContain('<h2 id="cal-period">2021</h2>');
    expect(none).toContain('No event is announced yet: here are the latest ones, from 2021.');
    const next = new Date().getUTCFullYear() + 2;
    await t.database.db.insertInto('activities').values({
      slug: 'forum-to-come', uid: 'forum-to-come@activities.gsef-net.org', type: 'forum', title: JSON.stringify(original('en', 'A forum to come')), summary: JSON.stringify(original('en', 'Planned.')),
      start_date: `${next}-05-01`, end_date: `${next}-05-03`, date_precision: 'day', format: 'in-person',
    } as never).execute();
    const coming = (await get('/fr/calendar')).body;
    expect(coming).toContain(`<h2 id="cal-period">${next}</h2>`);
    expect(coming).not.toContain('content-notice');
    expect(coming).toContain('A forum to come');
    expect((await get('/en/calendar?year=2019')).body).not.toContain('content-notice');
  });
});

describe('members', () => {
  it.each(LANGS)('the home page figure and the directory agree on how many members there are, in %s', async (lang) => {
    const home = (await get(`/${lang}/`)).body;
    const caption = /<caption id="members-caption">([^<]+)<\/caption>/.exec((await get(`/${lang}/members`)).body)![1]!;
    const active = (await t.database.db.selectFrom('members').select('kind').where('status', '=', 'active').execute());
    const counted = active.filter((row) => ['local_government', 'sse_network', 'other_organisation'].includes(row.kind)).length;
    const label = translator(lang).plural('home.figure.members', counted);
    expect(home).toContain(`<span class="figure-value">${counted}</span> <span class="figure-label">${label}</span>`);
    expect(caption.match(/\d+/g)!.map(Number)).toEqual([counted, active.length - counted]);
  });

  it('a profile shows no raw coordinates, and links to the map of its region instead', async () => {
    const member = await t.database.db.selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id')
      .select(['members.slug', 'o.latitude', 'o.longitude', 'o.region']).where('o.latitude', 'is not', null).executeTakeFirstOrThrow();
    const html = (await get(`/en/members/${member.slug}`)).body;
    // Structured data for search engines keeps them (schema.org geo); the text a person reads does not.
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<script[\s\S]*?<\/script>/g, '');
    expect(main).not.toContain(member.latitude!.toFixed(4));
    expect(main).not.toContain(member.longitude!.toFixed(4));
    expect(main).toContain(`href="/en/map?zoom=${member.region}"`);
  });
});

describe('the join form', () => {
  it('marks required selects and the text area for assistive technology, and submits on Enter (the first button)', async () => {
    const html = (await get('/en/join')).body;
    for (const name of ['kind', 'category', 'country']) expect(html).toMatch(new RegExp(`<select id="${name}" name="${name}" required`));
    expect(html).toMatch(/<textarea id="sse_situation" name="sse_situation" rows="8" required/);
    const buttons = [...html.matchAll(/<button type="submit" name="intent" value="(\w+)"/g)].map((m) => m[1]);
    expect(buttons).toEqual(['submit', 'save']);
  });
});

describe('the header and footer', () => {
  it.each(LANGS)('keep a typed query on Escape (a text box, not a search box), and link the open data page and the newsletter archive, in %s', async (lang) => {
    const html = (await get(`/${lang}/news`)).body;
    expect(html).toContain('<input id="site-search-q" type="text" enterkeyhint="search" name="q"');
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain(`href="/${lang}/open-data"`);
    expect(footer).not.toContain('href="/api/openapi.json"');
    expect(footer).toContain(`href="/${lang}/newsletter"`);
  });

  it.each(LANGS)('the open data page describes the API for people and links the OpenAPI file, in %s', async (lang) => {
    const response = await get(`/${lang}/open-data`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<a href="/api/openapi.json" type="application/json">openapi.json</a>');
    for (const collection of ['members', 'activities', 'initiatives', 'resources', 'news']) expect(response.body).toContain(`href="/api/v1/${collection}.csv?lang=${lang}"`);
  });
});

describe('the newsletter', () => {
  it.each(LANGS)('is described with the four languages it is offered in, and its empty archive says what to do, in %s', async (lang) => {
    const korean = { en: 'Korean', fr: 'coréen', es: 'coreano', ko: '한국어' }[lang];
    const subscribe = (await get(`/${lang}/newsletter/subscribe`)).body;
    expect(subscribe).toContain(korean);
    expect(subscribe).toContain(`href="/${lang}/newsletter"`);
    const archive = (await get(`/${lang}/newsletter`)).body;
    expect(archive).toContain(korean);
    const main = archive.slice(archive.indexOf('<main'), archive.indexOf('</main>'));
    expect(main).toContain(`href="/${lang}/news"`);
  });
});

describe('paths without a language', () => {
  it('redirect to the reader\'s language as / does, keeping the rest of the address; others stay 404', async () => {
    for (const [path, accept, target] of [
      ['/members', 'ko', '/ko/members'],
      ['/members/seoul', 'fr-CA, fr;q=0.9', '/fr/members/seoul'],
      ['/initiatives?event=gsef2018-bilbao', 'es', '/es/initiatives?event=gsef2018-bilbao'],
      ['/calendar', '', '/en/calendar'],
      ['/map?zoom=europe', 'en', '/en/map?zoom=europe'],
    ] as const) {
      const response = await get(path, accept ? { 'accept-language': accept } : {});
      expect(response.statusCode, path).toBe(302);
      expect(response.headers.location, path).toBe(target);
      expect(response.headers.vary, path).toContain('accept-language');
    }
    expect((await get('/nothing-here')).statusCode).toBe(404);
    expect((await get('/xx/members')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/members' })).statusCode).not.toBe(302);
  });
});
