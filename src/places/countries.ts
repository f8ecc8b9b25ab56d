import { createRequire } from 'node:module';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { nameKey } from './normalize.ts';

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
for (const lang of LANGS) isoCountries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Every ISO 3166-1 alpha-2 code. */
export const COUNTRY_CODES: readonly string[] = Object.freeze(Object.keys(isoCountries.getAlpha2Codes()).sort());

/**
 * Names people actually write that neither the ISO list nor CLDR has (French and Spanish
 * long forms, old names, abbreviations). Matching ignores case and accents.
 */
const ALIASES: Record<string, string> = {
  'republique de coree': 'KR', 'coree': 'KR', 'coree du sud': 'KR', 'south korea': 'KR', 'korea': 'KR',
  'republic of korea': 'KR', 'corea': 'KR', 'corea del sur': 'KR', '한국': 'KR',
  'etats unis': 'US', 'usa': 'US', 'us': 'US', 'united states of america': 'US', 'eeuu': 'US', 'ee uu': 'US',
  'royaume uni': 'GB', 'uk': 'GB', 'great britain': 'GB', 'angleterre': 'GB', 'england': 'GB', 'scotland': 'GB', 'ecosse': 'GB',
  'cap vert': 'CV', 'cabo verde': 'CV', 'cote d ivoire': 'CI', 'ivory coast': 'CI',
  'republique democratique du congo': 'CD', 'rdc': 'CD', 'rd congo': 'CD',
  'taiwan': 'TW', 'hong kong': 'HK', 'russie': 'RU', 'vietnam': 'VN', 'viet nam': 'VN',
  'pays basque': 'ES', 'euskadi': 'ES', 'catalogne': 'ES', 'catalunya': 'ES', 'quebec': 'CA',
};

const CODE_BY_NAME: ReadonlyMap<string, string> = buildIndex();

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const lang of LANGS) {
    const display = new Intl.DisplayNames([lang], { type: 'region' });
    const names = isoCountries.getNames(lang, { select: 'all' });
    for (const code of COUNTRY_CODES) {
      for (const name of [...(names[code] ?? []), display.of(code) ?? '']) if (name) index.set(nameKey(name), code);
    }
  }
  for (const code of COUNTRY_CODES) {
    index.set(code.toLowerCase(), code);
    const alpha3 = isoCountries.alpha2ToAlpha3(code);
    if (alpha3) index.set(alpha3.toLowerCase(), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) index.set(nameKey(alias), code);
  return index;
}

/** The ISO code for a country named in English, French, Spanish or Korean (or by its code); null if unknown. */
export function resolveCountry(text: string): string | null {
  return CODE_BY_NAME.get(nameKey(text)) ?? null;
}

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODES.includes(value);
}

// Made once per language at start: making one costs far more than asking it (a page of 150
// countries paid it 150 times).
const REGION_NAMES = Object.freeze(Object.fromEntries(LANGS.map((lang) => [lang, new Intl.DisplayNames([lang], { type: 'region' })]))) as Readonly<Record<Lang, Intl.DisplayNames>>;

/** A country's name in the reader's language. */
export function countryName(code: string, lang: Lang): string {
  return REGION_NAMES[lang].of(code) ?? code;
}
