import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS, LANG_NAMES, type Lang } from './langs.ts';

export * from './langs.ts';

export type Messages = Readonly<Record<string, string>>;

const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/**
 * The flat message catalogs: every `locales/{lang}/*.json` file merged (one file per module, so
 * modules never edit each other's). Read once; a key defined twice, or missing in a language, fails.
 */
export const CATALOGS: Readonly<Record<Lang, Messages>> = Object.freeze(
  Object.fromEntries(LANGS.map((lang) => [lang, Object.freeze(readCatalog(lang))])) as Record<Lang, Messages>,
);

function readCatalog(lang: Lang): Record<string, string> {
  const dir = path.join(LOCALES_DIR, lang);
  const merged: Record<string, string> = {};
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const messages = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(messages)) {
      if (key in merged) throw new Error(`message "${key}" is defined twice in ${lang} (again in ${file})`);
      merged[key] = text;
    }
  }
  return merged;
}

export type Params = Record<string, string | number>;

export interface Translator {
  lang: Lang;
  /** The message for `key`, with `{name}` placeholders filled; numbers are formatted for the language. */
  (key: string, params?: Params): string;
  /** A message chosen by plural rule: `key.one`, `key.other`… with `{count}` filled. */
  plural(key: string, count: number, params?: Params): string;
  number(value: number): string;
  date(value: Date | string, style?: 'long' | 'medium' | 'short'): string;
  langName(lang: Lang): string;
}

export function translator(lang: Lang): Translator {
  return TRANSLATORS[lang];
}

function buildTranslator(lang: Lang): Translator {
  const messages = CATALOGS[lang];
  const numberFormat = new Intl.NumberFormat(lang);
  const pluralRules = new Intl.PluralRules(lang);
  const dateFormats = {
    long: new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }),
    medium: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }),
    short: new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeZone: 'UTC' }),
  };
  const fill = (template: string, params: Params = {}) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
  const t = ((key: string, params?: Params) => {
    const template = messages[key] ?? CATALOGS.en[key];
    if (template === undefined) throw new Error(`missing message "${key}"`);
    return fill(template, params);
  }) as Translator;
  t.lang = lang;
  t.plural = (key, count, params = {}) => {
    const exact = messages[`${key}.${pluralRules.select(count)}`];
    const template = exact ?? messages[`${key}.other`] ?? CATALOGS.en[`${key}.other`];
    if (template === undefined) throw new Error(`missing plural message "${key}"`);
    return fill(template, { ...params, count });
  };
  t.number = (value) => numberFormat.format(value);
  t.date = (value, style = 'long') => dateFormats[style].format(typeof value === 'string' ? new Date(value) : value);
  t.langName = (other) => messages[`lang.${other}`] ?? LANG_NAMES[other];
  return t;
}

const TRANSLATORS: Readonly<Record<Lang, Translator>> = Object.freeze(
  Object.fromEntries(LANGS.map((lang) => [lang, buildTranslator(lang)])) as Record<Lang, Translator>,
);
