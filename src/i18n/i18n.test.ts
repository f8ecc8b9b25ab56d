import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGS, negotiateLang, translator, type Lang } from './i18n.ts';
import { pick, setText, translated, original } from './translatable.ts';

const PLURAL = /\.(zero|one|two|few|many|other)$/;

/** The keys a catalog must have: every plain key of English, and each plural in the language's own categories. */
function expectedKeys(lang: Lang): string[] {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of Object.keys(CATALOGS.en)) {
    if (PLURAL.test(key)) for (const category of categories) keys.add(key.replace(PLURAL, `.${category}`));
    else keys.add(key);
  }
  return [...keys].sort();
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it.each(LANGS)('%s has exactly the keys the product uses, none missing, none extra', (lang) => {
    expect(Object.keys(CATALOGS[lang]).sort()).toEqual(expectedKeys(lang));
  });

  it.each(LANGS.filter((lang) => lang !== 'en'))('%s uses the same placeholders as English', (lang) => {
    for (const [key, text] of Object.entries(CATALOGS[lang])) {
      const english = CATALOGS.en[key] ?? CATALOGS.en[key.replace(PLURAL, '.other')];
      expect(placeholders(text), key).toEqual(placeholders(english!).filter((p) => p !== 'count' || text.includes('{count}')));
    }
  });

  it('has no empty message', () => {
    for (const lang of LANGS) for (const [key, text] of Object.entries(CATALOGS[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe('');
  });

  it('fails loudly on a key that does not exist', () => {
    expect(() => translator('fr')('no.such.key')).toThrow('missing message "no.such.key"');
  });

  it('formats numbers, plurals and dates per language', () => {
    expect(translator('fr').number(1234567.5)).toBe('1\u202f234\u202f567,5');
    expect(translator('en').number(1234567.5)).toBe('1,234,567.5');
    expect(translator('fr').plural('body.seats', 1)).toBe('1 siège');
    expect(translator('fr').plural('body.seats', 0)).toBe('0 siège');
    expect(translator('en').plural('body.seats', 0)).toBe('0 seats');
    expect(translator('ko').plural('body.seats', 13)).toBe('13석');
    expect(translator('es').date('2019-07-08T00:00:00Z')).toBe('8 de julio de 2019');
    expect(translator('ko').date('2019-07-08T00:00:00Z')).toBe('2019년 7월 8일');
  });
});

describe('negotiateLang', () => {
  it.each([
    [undefined, 'en'],
    ['ko', 'ko'],
    ['pt-BR, es;q=0.8', 'es'],
    ['fr;q=0.1, en;q=0.2', 'en'],
    ['*', 'en'],
    ['es;q=0, fr', 'fr'],
    ['garbage;;q=x,,', 'en'],
  ])('chooses from %s → %s', (header, lang) => {
    expect(negotiateLang(header)).toBe(lang);
  });
});

describe('translatable text', () => {
  const field = translated('fr', { fr: 'Économie sociale', en: 'Social economy' }, '2026-01-01T00:00:00Z');

  it('keeps the original language and marks translations as human', () => {
    expect(field.fr?.status).toBe('original');
    expect(field.en?.status).toBe('human');
  });

  it("shows the reader's language when present", () => {
    expect(pick(field, 'en')).toEqual({ text: 'Social economy', lang: 'en', status: 'human', isFallback: false });
  });

  it('falls back to the original when the language is missing, and says so', () => {
    expect(pick(field, 'ko')).toEqual({ text: 'Économie sociale', lang: 'fr', status: 'original', isFallback: true });
  });

  it('marks every translation outdated when the original changes', () => {
    const edited = setText(field, 'fr', 'Économie sociale et solidaire', 'original');
    expect(edited.fr?.text).toBe('Économie sociale et solidaire');
    expect(edited.en?.status).toBe('outdated');
  });

  it('leaves translations alone when the original is saved unchanged', () => {
    expect(setText(field, 'fr', 'Économie sociale', 'original').en?.status).toBe('human');
  });

  it('refuses a second original language', () => {
    expect(() => setText(field, 'es', 'Economía social', 'original')).toThrow('the original is in fr');
  });

  it('records a machine draft as such, and a reviewed translation replaces an outdated one', () => {
    const drafted = setText(original('en', 'Youth'), 'ko', '청년', 'machine');
    expect(pick(drafted, 'ko')?.status).toBe('machine');
    expect(setText(drafted, 'ko', '청년', 'human').ko?.status).toBe('human');
  });

  it('shows nothing rather than an empty text', () => {
    expect(pick({ en: { text: '  ', status: 'original', updatedAt: '' } }, 'en')).toBeNull();
  });
});
