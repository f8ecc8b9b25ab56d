import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activities } from '../../seed/activities.ts';
import { THEMES as ACTIVITY_THEMES } from '../activities/domain.ts';
import { THEMES } from '../initiatives/themes.ts';
import { nameKey } from '../places/normalize.ts';
import { GLOSSARY, THEME_CONCEPTS, themeNames } from './glossary-data.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

/**
 * Terms deliberately shared by two concepts in one language. Empty today: a shared term would expand
 * a query into two unrelated concepts, so an entry here needs a reason next to it.
 */
const SHARED_TERMS: readonly string[] = [];

describe('the SSE glossary', () => {
  it('has about two hundred concepts, each named in the four languages', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(190);
    for (const entry of GLOSSARY) {
      for (const lang of LANGS) {
        expect(entry.terms[lang].length, `${entry.slug} ${lang}`).toBeGreaterThan(0);
        for (const term of entry.terms[lang]) expect(term.trim(), `${entry.slug} ${lang}`).toBe(term);
        for (const term of entry.terms[lang]) expect(nameKey(term), `${entry.slug} ${lang} «${term}»`).not.toBe('');
      }
    }
  });

  it('has unique kebab-case slugs', () => {
    const slugs = GLOSSARY.map((entry) => entry.slug);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('writes every Korean term in Hangul', () => {
    for (const entry of GLOSSARY) for (const term of entry.terms.ko) expect(term, entry.slug).toMatch(/\p{Script=Hangul}/u);
  });

  it('never gives two concepts the same term in one language, nor one concept the same term twice', () => {
    const problems: string[] = [];
    for (const lang of LANGS) {
      const owner = new Map<string, string>();
      for (const entry of GLOSSARY) {
        const keys = entry.terms[lang].map(nameKey);
        if (new Set(keys).size !== keys.length) problems.push(`${entry.slug} repeats a ${lang} term`);
        for (const key of keys) {
          const other = owner.get(key);
          if (other && !SHARED_TERMS.includes(key)) problems.push(`${lang} «${key}»: ${other} and ${entry.slug}`);
          owner.set(key, entry.slug);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('translates its preferred terms rather than copying them from one language to another', () => {
    // Acronyms and proper names legitimately read the same (COVID-19, RIPESS…); a handful at most.
    const same = GLOSSARY.filter(({ terms }) => nameKey(terms.en[0]!) === nameKey(terms.fr[0]!) && nameKey(terms.fr[0]!) === nameKey(terms.es[0]!));
    expect(same.map((entry) => entry.slug).length).toBeLessThanOrEqual(5);
  });
});

describe('the theme taxonomy drawn from the glossary', () => {
  const themeSlugs = new Set(THEME_CONCEPTS.map((entry) => entry.slug));

  it('has a theme concept for every theme initiatives and activities use', () => {
    const used = new Set([
      ...THEMES.map((theme) => theme.slug),
      ...ACTIVITY_THEMES,
      ...activities.flatMap((activity) => activity.themes ?? []),
    ]);
    expect([...used].filter((slug) => !themeSlugs.has(slug))).toEqual([]);
    expect([...themeSlugs].filter((slug) => !used.has(slug))).toEqual([]);
  });

  it('names the initiatives themes with the preferred terms of their concepts', () => {
    for (const theme of THEMES) {
      const { terms } = GLOSSARY.find((entry) => entry.slug === theme.slug)!;
      expect(theme.names).toEqual({ en: terms.en[0], fr: terms.fr[0], es: terms.es[0], ko: terms.ko[0] });
    }
  });

  it('knows the names the activities pages show for their themes', () => {
    for (const lang of LANGS) {
      const catalog = JSON.parse(readFileSync(new URL(`../i18n/locales/${lang}/activities.json`, import.meta.url), 'utf8')) as Record<string, string>;
      for (const slug of ACTIVITY_THEMES) {
        const label = catalog[`activities.theme.${slug}`];
        expect(label, `${lang} ${slug}`).toBeDefined();
        const terms = GLOSSARY.find((entry) => entry.slug === slug)!.terms[lang].map(nameKey);
        expect(terms, `${lang} ${slug}`).toContain(nameKey(label!));
      }
    }
  });

  it('refuses a theme that is not in the glossary', () => {
    expect(themeNames('finance').fr).toBe('Finance et investissement');
    expect(() => themeNames('cooperative')).toThrow(/cooperative/);
    expect(() => themeNames('no-such-theme')).toThrow(/no-such-theme/);
  });
});
