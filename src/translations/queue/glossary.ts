import type { Lang } from '../../i18n/langs.ts';
import { matchAt, type GlossaryConcept } from '../../search/glossary.ts';
import { words } from '../../search/text.ts';

export interface GlossaryHint {
  /** The term as it appears in the source (its words, as written). */
  found: string;
  /** The agreed translation: the concept's preferred term in the target language. */
  agreed: string;
  slug: string;
}

/**
 * The SSE glossary's concepts named in a source text (longest match first, each concept once), with
 * their agreed term in the target language, for the translator's editor.
 */
export function glossaryHints(source: string, target: Lang): GlossaryHint[] {
  const sourceWords = words(source);
  const seen = new Set<string>();
  const hints: GlossaryHint[] = [];
  for (let i = 0; i < sourceWords.length; ) {
    const match = matchAt(sourceWords, i);
    if (!match) {
      i++;
      continue;
    }
    const agreed = preferred(match.concept, target);
    if (agreed && !seen.has(match.concept.slug)) {
      seen.add(match.concept.slug);
      hints.push({ found: sourceWords.slice(i, i + match.length).join(' '), agreed, slug: match.concept.slug });
    }
    i += match.length;
  }
  return hints;
}

function preferred(concept: GlossaryConcept, lang: Lang): string | undefined {
  return concept.terms[lang]?.[0];
}
