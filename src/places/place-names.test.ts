import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { placeNames, placesMatching } from './place-names.ts';

let t: TestApp;
let slug: string;
beforeAll(async () => {
  t = await createTestApp();
  // The GSEF2018 booklet places this initiative in "Katmandou" (French).
  ({ slug } = await t.app.ctx.db.selectFrom('initiatives').select('slug').where('city', '=', 'Katmandou').executeTakeFirstOrThrow());
});
afterAll(() => t.close());

const searched = async (q: string, lang: string) =>
  (await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}&lang=${lang}`)).json().items.map((item: { slug: string }) => item.slug);
const archive = async (q: string, lang: string) => (await t.app.inject(`/${lang}/initiatives?q=${encodeURIComponent(q)}`)).body;

describe('place names in every language', () => {
  it('names a city and its country in en, fr, es and ko', () => {
    expect(placeNames('Katmandou', 'NP')).toEqual(expect.arrayContaining(['Kathmandu', 'Katmandou', 'Katmandú', '카트만두', 'Nepal', 'Népal', '네팔']));
    // A city the list does not hold keeps its own name and gets its country's names.
    expect(placeNames('Eskoriatza', 'ES')).toEqual(['Eskoriatza', 'Spain', 'Espagne', 'España', '스페인']);
    expect(placesMatching('k').cities).toEqual([]);
  });

  it('finds the initiative in Katmandou from "Kathmandu" and "카트만두" in the one search', async () => {
    for (const lang of ['en', 'fr', 'es', 'ko']) {
      expect(await searched('Kathmandu', lang)).toContain(slug);
      expect(await searched('카트만두', lang)).toContain(slug);
    }
    expect(await searched('네팔', 'ko')).toContain(slug);
  });

  it('finds it in the initiatives archive’s own text search too, and not for another city', async () => {
    for (const lang of ['en', 'ko']) {
      expect(await archive('Kathmandu', lang)).toContain(`/initiatives/${slug}`);
      expect(await archive('카트만두', lang)).toContain(`/initiatives/${slug}`);
    }
    expect(await archive('Katmandú', 'es')).toContain(`/initiatives/${slug}`);
    expect(await archive('서울', 'ko')).not.toContain(`/initiatives/${slug}`);
  });
});
