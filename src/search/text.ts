import type { Lang } from '../i18n/langs.ts';

/**
 * Text preparation shared by indexing and querying, so both sides cut words the same way.
 * Korean compounds and particles defeat word matching, so each run of Hangul becomes the sequence of
 * its character bigrams ("사회적" → "사회 회적"), indexed with the `simple` configuration and
 * queried as a phrase of bigrams.
 */
const HANGUL_RUN = /[\p{Script=Hangul}]+/gu;
export const HAS_HANGUL = /\p{Script=Hangul}/u;

export function hangulBigrams(text: string): string {
  return text.replace(HANGUL_RUN, (run) => {
    const chars = [...run];
    if (chars.length < 2) return ` ${run} `;
    const grams: string[] = [];
    for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i]! + chars[i + 1]!);
    return ` ${grams.join(' ')} `;
  });
}

/** The PostgreSQL text search configuration for text written in a language. */
export function configFor(lang: Lang): string {
  return lang === 'en' ? 'passerelle_en' : lang === 'fr' ? 'passerelle_fr' : lang === 'es' ? 'passerelle_es' : 'passerelle_simple';
}

/** Lower case without accents: how names are compared with trigrams and glossary terms matched. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

// ts_headline marks matches with these; they are removed from indexed text so content cannot forge one.
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';
export const stripMarks = (text: string) => text.replace(/[\u0001\u0002]/g, ' ');

/** Words of a text: letters and digits only, every operator and punctuation dropped. */
export function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}
