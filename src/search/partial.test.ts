import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { original } from '../i18n/translatable.ts';
import { indexDocument } from './indexer.ts';
import type { SearchDocument } from './types.ts';

// Words no seeded text holds, so every count below is ours.
let t: TestApp;
const doc = (sourceId: number, slug: string, title: string, summary: string): SearchDocument => ({
  kind: 'resource', sourceId, slug, path: `/library/${slug}`, title: original('en', title), summary: original('en', summary),
  bodies: [], names: [], date: '2021-04-01', region: null, themes: [], visibility: 'public',
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await indexDocument(db, doc(920001, 'three-words', 'Wombat narwhal okapi guide', 'All three animals.'));
  await indexDocument(db, doc(920002, 'two-words', 'Wombat and narwhal notes', 'Two of them.'));
  await indexDocument(db, doc(920003, 'one-word', 'Okapi leaflet', 'Only one.'));
  await indexDocument(db, doc(920004, 'nothing', 'Pangolin leaflet', 'None of them.'));
  await indexDocument(db, doc(920005, 'axolotl-a', 'Axolotl handbook', 'The axolotl, a first animal.'));
  await indexDocument(db, doc(920006, 'marmoset-b', 'Marmoset handbook', 'The second animal.'));
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const NONE: Record<string, string> = {
  en: 'No result has all the words; these have most of them.',
  fr: 'Aucun résultat ne contient tous les mots ; ceux-ci en contiennent le plus.',
  es: 'Ningún resultado tiene todas las palabras; estos tienen la mayoría.',
  ko: '모든 단어가 들어 있는 결과가 없어, 가장 많은 단어가 들어 있는 결과를 보여 드립니다.',
};
// Both notices (none has every word; only the first N have) end the same way in each language.
const MOST: Record<string, RegExp> = { en: /have most of them\./, fr: /en contiennent le plus\./, es: /tienen la mayoría\./, ko: /(가장 많은|대부분의) 단어가 들어 있/ };
const order = (body: string, slugs: string[]) => slugs.map((slug) => body.indexOf(`/library/${slug}"`));

describe('a query whose words never meet', () => {
  it('the seeded "jeunes entrepreneurs" and "young entrepreneurs" find ranked results, in four languages, saying so', async () => {
    for (const q of ['jeunes entrepreneurs', 'young entrepreneurs']) {
      const api = (await get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json();
      expect(api.total, q).toBeGreaterThanOrEqual(5);
      expect(api.partial, q).toBeDefined();
      for (const lang of ['en', 'fr', 'es', 'ko']) {
        const page = await get(`/${lang}/search?q=${encodeURIComponent(q)}`);
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('<ol class="search-results"><li>');
        expect(page.body, `${lang} ${q}`).toMatch(MOST[lang]!);
      }
    }
  });

  it('ranks the documents holding most of the words first, and says none holds them all, in four languages', async () => {
    for (const lang of ['en', 'fr', 'es', 'ko']) {
      const page = await get(`/${lang}/search?q=axolotl+marmoset`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(NONE[lang]);
      expect(page.body).toContain('/library/axolotl-a"');
      expect(page.body).toContain('/library/marmoset-b"');
      expect(page.body).toContain('<mark>axolotl</mark>');
    }
    const api = (await get('/api/v1/search?q=axolotl+marmoset')).json();
    expect(api.partial).toEqual({ exact: 0 });
    expect(api.items.map((item: { slug: string }) => item.slug).sort()).toEqual(['axolotl-a', 'marmoset-b']);
  });

  it('lists the few documents with every word first, then those with most of them, most words first', async () => {
    const api = (await get('/api/v1/search?q=wombat+narwhal+okapi')).json();
    expect(api.partial).toEqual({ exact: 1 });
    expect(api.items.map((item: { slug: string }) => item.slug)).toEqual(['three-words', 'two-words', 'one-word']);
    const en = await get('/en/search?q=wombat+narwhal+okapi');
    expect(en.body).toContain('Only the first result has all the words; the others have most of them.');
    const [three, two, one] = order(en.body, ['three-words', 'two-words', 'one-word']);
    expect(three).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(three!);
    expect(one).toBeGreaterThan(two!);
    expect(en.body).not.toContain('/library/nothing"');
    expect((await get('/fr/search?q=wombat+narwhal+okapi')).body).toContain('Seul le premier résultat contient tous les mots');
    expect((await get('/es/search?q=wombat+narwhal+okapi')).body).toContain('Solo el primer resultado tiene todas las palabras');
    expect((await get('/ko/search?q=wombat+narwhal+okapi')).body).toContain('처음 1개 결과에만 모든 단어가 들어 있고');
  });

  it('adds nothing and says nothing more when enough documents hold every word', async () => {
    await indexDocument(t.database.db, doc(920007, 'narwhal-okapi-1', 'Narwhal okapi one', 'x'));
    await indexDocument(t.database.db, doc(920008, 'narwhal-okapi-2', 'Narwhal okapi two', 'y'));
    const api = (await get('/api/v1/search?q=narwhal+okapi')).json();
    expect(api.partial).toBeUndefined();
    expect(api.items.map((item: { slug: string }) => item.slug).sort()).toEqual(['narwhal-okapi-1', 'narwhal-okapi-2', 'three-words']);
    expect((await get('/en/search?q=narwhal+okapi')).body).not.toContain('have most of them');
  });

  it('a single unknown word still says nothing matches (no partial list of nothing)', async () => {
    const page = await get('/en/search?q=zzyzxqqv');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('have most of them');
  });
});

describe('bad queries never make a 500', () => {
  const bad = ['', '%00', 'jeunes%00entrepreneurs', encodeURIComponent('x'.repeat(10_240)), encodeURIComponent('jeunes '.repeat(1500)), encodeURIComponent('" & | ! <-> :* \' (('), '%E0%A4%A'];
  it('on the page in four languages and on the API', async () => {
    for (const q of bad) {
      for (const lang of ['en', 'fr', 'es', 'ko']) {
        const page = await get(`/${lang}/search?q=${q}`);
        expect(page.statusCode, `${lang} ${q.slice(0, 30)}`).toBeLessThan(500);
      }
      const api = await get(`/api/v1/search?q=${q}`);
      expect(api.statusCode, q.slice(0, 30)).toBeLessThan(500);
    }
  });

  it('a 10 kB query is cut, not refused, and still partially matched', async () => {
    const q = encodeURIComponent(`axolotl marmoset ${'y'.repeat(10_000)}`);
    const page = await get(`/en/search?q=${q}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/library/axolotl-a"');
    const api = await get(`/api/v1/search?q=${encodeURIComponent('x'.repeat(10_240))}`);
    expect(api.statusCode).toBe(400);
    expect(api.json().error.message).toBeTruthy();
  });
});
