import type { Lang } from '../i18n/langs.ts';
import { GLOSSARY, type GlossaryConcept } from './glossary-data.ts';
import { normalise, words } from './text.ts';

export type { GlossaryConcept } from './glossary-data.ts';

const TERM_LANGS: Lang[] = ['en', 'fr', 'es', 'ko'];

export interface GlossaryTerm {
  lang: Lang;
  text: string;
}

interface Entry {
  /** The term's words, normalised (lower case, no accents). */
  key: string[];
  concept: GlossaryConcept;
}

/** Every term of every concept, longest first so "économie sociale et solidaire" wins over "économie sociale". */
function buildEntries(glossary: readonly GlossaryConcept[]): Entry[] {
  const entries: Entry[] = [];
  for (const concept of glossary) {
    for (const lang of TERM_LANGS) {
      for (const term of concept.terms[lang] ?? []) {
        const key = words(normalise(term));
        if (key.length) entries.push({ key, concept });
      }
    }
  }
  return entries.sort((a, b) => b.key.length - a.key.length);
}

const ENTRIES = buildEntries(GLOSSARY);
export const THEME_SLUGS: readonly string[] = GLOSSARY.filter((concept) => concept.theme).map((concept) => concept.slug);

/** The theme's name in a language (its first term there), for facet labels. */
export function themeName(slug: string, lang: Lang): string {
  const concept = GLOSSARY.find((candidate) => candidate.slug === slug);
  return concept?.terms[lang]?.[0] ?? concept?.terms.en[0] ?? slug;
}

export interface GlossaryMatch {
  /** Index of the first query word covered, and how many words. */
  start: number;
  length: number;
  concept: GlossaryConcept;
}

/** The longest glossary term starting at a given word of the query, if any. */
export function matchAt(queryWords: string[], start: number): GlossaryMatch | null {
  const normalised = queryWords.map(normalise);
  for (const entry of ENTRIES) {
    if (start + entry.key.length > normalised.length) continue;
    if (entry.key.every((word, i) => normalised[start + i] === word)) return { start, length: entry.key.length, concept: entry.concept };
  }
  return null;
}

/** All terms of a concept in all languages: what a query meeting one of them also looks for. */
export function termsOf(concept: GlossaryConcept): GlossaryTerm[] {
  return TERM_LANGS.flatMap((lang) => (concept.terms[lang] ?? []).map((text) => ({ lang, text })));
}
