import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { LANGS } from '../i18n/langs.ts';

/**
 * Issue 18: no raw slug or code where a name exists. Reads the rendered HTML of the list pages as a
 * person reads them: text only, markup and attribute values (links, form values) set aside.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // An event with initiatives but no programme of its own: its name comes from its activity.
  const moved = await t.database.db.selectFrom('initiatives').select('id').where('event_slug', '=', 'gsef2018-bilbao').orderBy('id', 'desc').limit(3).execute();
  await t.database.db.updateTable('initiatives').set({ event_slug: 'gsef2016-montreal' }).where('id', 'in', moved.map((row) => row.id)).execute();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
/** What a reader sees: the text between tags, entities decoded enough for slugs and codes. */
const visibleText = (html: string) => html
  .replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<svg[\s\S]*?<\/svg>/g, ' ')
  .replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const EVENT_SLUGS = ['gsef2018-bilbao', 'gsef2016-montreal'];
/** The labels of a facet's checkboxes (text after the box, before the count). */
const facetLabels = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<input type="checkbox" name="${name}" value="([^"]*)"[^>]*/> ([^<]*?) <span class="count">`, 'g'))].map((m) => ({ value: m[1]!, label: m[2]! }));

describe('list pages name things instead of showing their slugs and codes', () => {
  it.each(LANGS)('the initiatives list, in %s: events by name, workshops with titles, sessions in number order', async (lang) => {
    const html = (await get(`/${lang}/initiatives`)).body;
    const text = visibleText(html);
    for (const slug of EVENT_SLUGS) expect(text, slug).not.toContain(slug);
    expect(text).toContain(lang === 'ko' ? 'GSEF2018 빌바오' : 'GSEF2018 Bilbao');
    expect(text).toMatch(/GSEF2016 (Montr[ée]al|몬트리올)/);
    const workshops = facetLabels(html, 'workshop');
    expect(workshops.length).toBe(42);
    // Every workshop is its code and its title, never a bare code.
    for (const workshop of workshops) expect(workshop.label.length, workshop.value).toBeGreaterThan(workshop.value.length + 3);
    const sessions = facetLabels(html, 'session').map((session) => Number(session.value));
    expect(sessions.length).toBeGreaterThan(3);
    expect(sessions).toEqual([...sessions].sort((a, b) => a - b));
    const events = facetLabels(html, 'event');
    expect(events.map((event) => event.value).sort()).toEqual([...EVENT_SLUGS].sort());
    for (const event of events) expect(event.label).not.toBe(event.value);
  });

  it.each(LANGS)('an event without a programme is named on its programme page, the map filter and an initiative, in %s', async (lang) => {
    const programme = await get(`/${lang}/initiatives/programme/gsef2016-montreal`);
    expect(programme.statusCode).toBe(200);
    expect(visibleText(programme.body)).not.toContain('gsef2016-montreal');
    expect(programme.body).toMatch(/<title>[^<]*GSEF2016 (Montr[ée]al|몬트리올)/);
    const map = (await get(`/${lang}/map`)).body;
    expect(map).toMatch(/<option value="gsef2016-montreal">GSEF2016 (Montr[ée]al|몬트리올)<\/option>/);
    const moved = await t.database.db.selectFrom('initiatives').select('slug').where('event_slug', '=', 'gsef2016-montreal').executeTakeFirstOrThrow();
    const page = (await get(`/${lang}/initiatives/${moved.slug}`)).body;
    expect(visibleText(page)).not.toContain('gsef2016-montreal');
  });

  it.each(LANGS)('members, activities, library and news lists show no slug as text, in %s', async (lang) => {
    for (const path of ['members', 'activities', 'library', 'news', 'calendar', 'map']) {
      const html = (await get(`/${lang}/${path}`)).body;
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      // URLs shown as text (the API example, a web address) are not slugs standing for names.
      const text = visibleText(main).replace(/\S*\/\S*/g, ' ');
      const slugs = await t.database.db.selectFrom('activities').select('slug').execute();
      for (const { slug } of slugs) expect(text, `${path}: ${slug}`).not.toContain(` ${slug} `);
      for (const slug of EVENT_SLUGS) expect(text, path).not.toContain(slug);
    }
  });
});
