import { describe, expect, it } from 'vitest';
import { ApertiumEngine } from './apertium.ts';
import { isPivotLabel, routeFor } from './engine.ts';
import { protectTerms } from './glossary-protect.ts';
import { Drafter } from './translator.ts';

// The real Apertium of this machine (.ci/run installs apertium, apertium-eng-spa, apertium-fr-es).
const drafter = new Drafter(new ApertiumEngine());

describe('Apertium drafts', () => {
  it('detects the installed pairs: en↔es and fr↔es directly, en↔fr through Spanish, nothing for Korean', async () => {
    const pairs = await drafter.pairs();
    expect(pairs).toEqual(expect.arrayContaining([{ from: 'en', to: 'es' }, { from: 'es', to: 'en' }, { from: 'fr', to: 'es' }, { from: 'es', to: 'fr' }]));
    expect(routeFor(pairs, 'en', 'fr')).toEqual({ from: 'en', to: 'fr', via: 'es' });
    expect(routeFor(pairs, 'fr', 'en')).toEqual({ from: 'fr', to: 'en', via: 'es' });
    expect(routeFor(pairs, 'en', 'ko')).toBeNull();
    expect(routeFor(pairs, 'ko', 'en')).toBeNull();
  });

  it('translates fr→es and en→es directly', async () => {
    const fr = await drafter.draft('La maison est rouge.', 'fr', 'es');
    expect(fr).toEqual({ text: 'La casa es roja.', engine: 'apertium fr→es' });
    const en = await drafter.draft('The house is green.', 'en', 'es');
    expect(en).toEqual({ text: 'La casa es verde.', engine: 'apertium en→es' });
    expect(isPivotLabel(en.engine)).toBe(false);
  });

  it('translates en→fr through Spanish, and says so in the label', async () => {
    const draft = await drafter.draft('The house is red.', 'en', 'fr');
    expect(draft.text).toBe('La maison est rouge.');
    expect(draft.engine).toBe('apertium en→es→fr');
    expect(isPivotLabel(draft.engine)).toBe(true);
  });

  it('keeps markup in HTML and escapes nothing twice in plain text', async () => {
    const html = await drafter.draft('<p>The <b>house</b> is <a href="/x">red</a>.</p>', 'en', 'es', 'html');
    expect(html.text).toMatch(/^<p>La <b>casa<\/b> es <a href="\/x">roja<\/a>\.<\/p>$/);
    const text = await drafter.draft('Cats & dogs <3\n\nThe house', 'en', 'es');
    expect(text.text).toContain('&');
    expect(text.text).toContain('<3');
    expect(text.text).toContain('\n\n');
    expect(text.text).not.toContain('&amp;');
  });

  it('uses the glossary’s agreed term where the engine would not', async () => {
    // Alone, Apertium says "sociales y economía de solidaridad".
    const unprotected = await new ApertiumEngine().translate('We support the social and solidarity economy.', 'en', 'es');
    expect(unprotected).not.toContain('economía social y solidaria');
    expect(protectTerms('We support the social and solidarity economy.', 'en', 'es', 'text').targets).toEqual(['economía social y solidaria']);
    const draft = await drafter.draft('We support the social and solidarity economy.', 'en', 'es');
    expect(draft.text).toContain('economía social y solidaria');
    const pivot = await drafter.draft('Social and solidarity economy in cities', 'en', 'fr');
    expect(pivot.text).toContain('Économie sociale et solidaire');
  });

  it('translates many texts in one call each way, in order', async () => {
    const texts = Array.from({ length: 60 }, (_, i) => `House number ${i} is red`);
    const drafts = await drafter.draftMany(texts, 'en', 'es');
    expect(drafts).toHaveLength(60);
    drafts.forEach((draft, i) => expect(draft.text).toContain(String(i)));
  });

  it('is absent, not failing, when the program is missing', async () => {
    const missing = new Drafter(new ApertiumEngine({ binary: '/nonexistent/apertium' }));
    expect(await missing.available()).toBe(false);
    expect(await missing.pairs()).toEqual([]);
    await expect(missing.draft('The house', 'en', 'es')).rejects.toThrow(/no machine translation/);
  });
});
