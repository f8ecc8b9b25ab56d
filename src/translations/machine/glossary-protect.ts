import type { Lang } from '../../i18n/langs.ts';
import { GLOSSARY, type GlossaryConcept } from '../../search/glossary-data.ts';
import { escapeHtml } from './apertium.ts';
import type { TextFormat } from './engine.ts';

/**
 * Glossary terms in a draft: each source-language term of the SSE glossary is replaced, before the
 * engine sees the text, by a placeholder word the engine does not know (and so leaves alone, through
 * a pivot too); afterwards the placeholder becomes the concept's agreed term in the target language.
 * Tested alternatives: Apertium translates inside `<span translate="no">`, and an empty tag as
 * placeholder loses the grammar around it; an unknown word keeps articles and agreement plausible.
 *
 * Only terms of two words or more are protected (single words are ordinary vocabulary the engine
 * handles, and many are ambiguous); a theme's display name only maps to the theme's display name,
 * since a theme groups several concepts and its other terms do not share one translation.
 */
interface Term {
  source: string;
  concept: GlossaryConcept;
  displayName: boolean;
}

const PLACEHOLDER = /zqg(\d+)x/gi;
const placeholder = (index: number) => `zqg${index}x`;

const matchers = new Map<Lang, { pattern: RegExp; terms: Map<string, Term> } | null>();

function matcherFor(lang: Lang) {
  if (!matchers.has(lang)) {
    const terms = new Map<string, Term>();
    for (const concept of GLOSSARY) {
      (concept.terms[lang] ?? []).forEach((source, index) => {
        if (source.trim().split(/\s+/).length < 2) return;
        if (concept.theme && index > 0) return;
        const key = source.toLocaleLowerCase(lang);
        if (!terms.has(key)) terms.set(key, { source, concept, displayName: Boolean(concept.theme) });
      });
    }
    const alternatives = [...terms.values()].map((term) => term.source).sort((a, b) => b.length - a.length).map(escapeRegExp);
    matchers.set(lang, alternatives.length ? { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), terms } : null);
  }
  return matchers.get(lang)!;
}

export interface Protected {
  text: string;
  /** The agreed target term for each placeholder, in order. */
  targets: string[];
}

/** Replaces the glossary's source terms found in `text` by placeholders (outside tags in HTML). */
export function protectTerms(text: string, from: Lang, to: Lang, format: TextFormat): Protected {
  const matcher = matcherFor(from);
  const targets: string[] = [];
  if (!matcher) return { text, targets };
  const replace = (segment: string) =>
    segment.replace(matcher.pattern, (found) => {
      const term = matcher.terms.get(found.toLocaleLowerCase(from));
      const target = term?.concept.terms[to]?.[0];
      if (!term || !target) return found;
      targets.push(matchCase(found, target, to));
      return placeholder(targets.length - 1);
    });
  const protectedText = format === 'html' ? text.split(/(<[^>]*>)/).map((part, i) => (i % 2 ? part : replace(part))).join('') : replace(text);
  return { text: protectedText, targets };
}

/** Puts the agreed terms in place of the placeholders the engine left in its output. */
export function restoreTerms(text: string, targets: string[], format: TextFormat): string {
  return text.replace(PLACEHOLDER, (found, index: string) => {
    const target = targets[Number(index)];
    if (target === undefined) return found;
    return format === 'html' ? escapeHtml(target) : target;
  });
}

/** "Social economy" at the start of a sentence gives "Économie sociale", "social economy" gives "économie sociale". */
function matchCase(found: string, target: string, lang: Lang): string {
  const first = found.charAt(0);
  const upper = first !== first.toLocaleLowerCase(lang);
  return upper ? target.charAt(0).toLocaleUpperCase(lang) + target.slice(1) : target.charAt(0).toLocaleLowerCase(lang) + target.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
