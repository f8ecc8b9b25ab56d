import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { original, translated } from '../i18n/translatable.ts';
import { sql } from 'kysely';
import { indexDocument, reindexSearch } from './indexer.ts';
import { compileQuery, parseQuery } from './query.ts';
import { recentDocuments } from './recent.ts';
import { CAP, cleanFilters, search, type SearchInput } from './search.ts';
import type { SearchDocument } from './types.ts';

let t: TestApp;
const doc = (over: Partial<SearchDocument> & Pick<SearchDocument, 'sourceId' | 'slug' | 'title'>): SearchDocument => ({
  kind: 'resource', path: `/library/${over.slug}`, summary: {}, bodies: [], names: [], date: '2020-05-01', region: null, themes: [], visibility: 'public', ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await indexDocument(db, doc({ sourceId: 900001, slug: 'impact-bonds', title: original('en', 'Social finance for municipal housing'), summary: original('en', 'How cities fund housing cooperatives through social finance and impact bonds.') }));
  await indexDocument(db, doc({ sourceId: 900002, slug: 'monnaies-locales', title: original('fr', 'Les monnaies locales complémentaires'), summary: original('fr', 'Une commande publique responsable et des économies de proximité.') }));
  await indexDocument(db, doc({ sourceId: 900003, slug: 'seoul-report', title: original('ko', '서울시 사회적경제 지원센터 보고서'), summary: original('ko', '협동조합과 마을기업을 위한 사회적금융 지원') }));
  await indexDocument(db, doc({ sourceId: 900004, slug: 'steering-minutes', visibility: 'members', title: original('en', 'Confidential xylophone budget review'), summary: original('en', 'Internal xylophone figures for the steering committee.') }));
  await indexDocument(db, doc({ sourceId: 900005, slug: 'mondragon', title: original('es', 'Corporación cooperativa'), summary: original('es', 'Experiencia de Mondragón en el País Vasco.'), names: ['Mondragon Corporación Cooperativa'] }));
});
afterAll(() => t.close());

const run = (q: string, over: Partial<SearchInput> = {}) =>
  search(t.database.db, { q, lang: 'en', filters: cleanFilters({}), limit: 20, offset: 0, members: false, facets: true, ...over });
const slugs = async (q: string, over: Partial<SearchInput> = {}) => (await run(q, over)).items.map((item) => item.slug);

describe('the one search', () => {
  it('finds English-only content from a French query through the glossary, and the reverse', async () => {
    expect(await slugs('finance solidaire')).toContain('impact-bonds');
    expect(await slugs('public procurement')).toContain('monnaies-locales');
  });

  it('stems and ignores accents in each language', async () => {
    expect(await slugs('economie proximite')).toContain('monnaies-locales');
    expect(await slugs('monnaie locale')).toContain('monnaies-locales');
    expect(await slugs('cooperatives')).toContain('mondragon');
  });

  it('finds Korean content by bigrams, inside compounds, and marks the match', async () => {
    const result = await run('사회적경제');
    expect(result.items.map((item) => item.slug)).toContain('seoul-report');
    expect(await slugs('지원')).toContain('seoul-report');
    expect(await slugs('마을기업')).toContain('seoul-report');
    const hit = (await run('협동조합')).items.find((item) => item.slug === 'seoul-report')!;
    expect(hit.snippet.some((segment) => segment.mark && segment.text === '협동조합')).toBe(true);
  });

  it('finds a name despite a typo', async () => {
    const result = await run('Mondragn');
    expect(result.items.map((item) => item.slug)).toContain('mondragon');
  });

  it('keeps members-only documents, their snippets and counts from visitors', async () => {
    const visitor = await run('xylophone');
    expect(visitor.items).toEqual([]);
    expect(visitor.total).toBe(0);
    expect(Object.values(visitor.facets).flat()).toEqual([]);
    const member = await run('xylophone', { members: true });
    expect(member.items.map((item) => item.slug)).toEqual(['steering-minutes']);
    expect(member.facets.kind).toEqual([{ value: 'resource', count: 1 }]);
  });

  it('phrases require the words together', async () => {
    expect(await slugs('"housing cooperatives"')).toContain('impact-bonds');
    expect(await slugs('"cooperatives housing"')).not.toContain('impact-bonds');
  });

  it('indexes the seeded modules and follows their changes', async () => {
    const result = await run('forum');
    expect(result.items.some((item) => item.kind === 'activity' || item.kind === 'event')).toBe(true);
    const member = await t.database.db.selectFrom('members').select(['id', 'slug']).executeTakeFirstOrThrow();
    await t.database.db.updateTable('members').set({ description: JSON.stringify(translated('en', { en: 'Zanzibarian quokka programme' })) }).where('id', '=', member.id).execute();
    await reindexSearch(t.database.db, 'member', [member.id]);
    expect(await slugs('quokka')).toEqual([member.slug]);
  });

  it('finds with its per-form index conditions exactly what the whole tsquery matches', async () => {
    for (const q of ['housing cooperatives', 'finance solidaire', '"social finance"', '사회적경제', 'forum', 'économie sociale']) {
      const compiled = (await compileQuery(t.database.db, parseQuery(q)))!;
      const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT document_id)::int AS n FROM search_texts WHERE tsv @@ ${compiled.text}::tsquery`.execute(t.database.db);
      const result = await run(q, { members: true });
      expect(result.capped, q).toBe(false);
      // Below FEW exact matches, documents with most of the words follow: the exact ones are counted apart.
      expect(result.partial ? result.partial.exact : result.total, q).toBe(rows[0]!.n);
    }
  });

  it('filters a word too common to count by year and region, from the index, exactly', async () => {
    const regions = ['europe', 'africa', 'asia-pacific'];
    for (let i = 0; i < CAP + 30; i++) {
      await indexDocument(t.database.db, doc({ sourceId: 910000 + i, slug: `zebracorn-${i}`, date: `${2015 + (i % 4)}-03-01`, region: regions[i % 3]!,
        title: original('en', `Zebracorn field notes ${i}`) }));
    }
    const unfiltered = await run('zebracorn');
    expect(unfiltered.capped).toBe(true);
    const filtered = await run('zebracorn', { filters: cleanFilters({ region: 'africa', year: '2016' }) });
    // i % 3 === 1 and i % 4 === 1: i ≡ 1 (mod 12), for i below CAP + 30.
    expect(filtered.total).toBe(Math.ceil((CAP + 30 - 1) / 12));
    expect(filtered.capped).toBe(false);
    expect(filtered.items.every((item) => item.date?.startsWith('2016'))).toBe(true);
  });

  it('lists about CAP documents for a common word, though each counts once per language', async () => {
    const documents = Math.round(CAP * 0.6);
    for (let i = 0; i < documents; i++) {
      await indexDocument(t.database.db, doc({ sourceId: 920000 + i, slug: `wombatine-${i}`,
        title: translated('en', { en: `Wombatine notes ${i}`, fr: `Notes wombatine ${i}`, es: `Notas wombatine ${i}`, ko: `웜바틴 wombatine ${i}` }) }));
    }
    // 4 texts per document: the first 300 texts hold 75 documents; asked again, all are there.
    const result = await run('wombatine', { limit: 10, offset: documents - 5 });
    expect(result.total).toBe(documents);
    expect(result.items).toHaveLength(5);
  });

  it('answers hostile queries without error', async () => {
    for (const q of ['', ' ', '&|!<->:*', "'; DROP TABLE search_texts; --", '<script>alert(1)</script>', 'a'.repeat(5000), '((((', '"', '!!!', 'x:* & y']) {
      const result = await run(q);
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect((await run('<script>alert(1)</script>')).query.text).toBe('script alert 1 script');
  });

  it('lists the newest public documents for feeds, never members-only ones', async () => {
    await indexDocument(t.database.db, doc({ sourceId: 900010, slug: 'future-public', date: '2099-01-02', title: translated('fr', { fr: 'Rapport du futur', en: 'Report from the future' }) }));
    await indexDocument(t.database.db, doc({ sourceId: 900011, slug: 'future-private', date: '2099-01-03', visibility: 'members', title: original('en', 'Private future') }));
    const [first, second] = await recentDocuments(t.database.db, { lang: 'es', limit: 2, visibility: 'public' });
    expect(first).toMatchObject({ kind: 'resource', slug: 'future-public', title: 'Report from the future', titleLang: 'en', path: '/library/future-public', date: '2099-01-02' });
    expect(second?.slug).not.toBe('future-private');
  });
});
