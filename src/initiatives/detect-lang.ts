import { detectAll } from 'tinyld/light';
import type { Lang } from '../i18n/langs.ts';

/**
 * The language an entry of a booklet is written in, among the site's four. Korean is told by its
 * script (Hangul), which no statistical model needs; en/fr/es by tinyld's small model, trusted only
 * when the text is long enough and the model clearly prefers one language. Null when unsure: the
 * caller then falls back on the booklet's language.
 */
const LATIN = ['en', 'fr', 'es'] as const;
const MIN_LETTERS = 40;
const MIN_MARGIN = 0.1;

export function detectLang(text: string): Lang | null {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return null;
  const hangul = letters.filter((letter) => /\p{Script=Hangul}/u.test(letter)).length;
  if (hangul / letters.length >= 0.3) return 'ko';
  if (letters.length < MIN_LETTERS) return null;
  const [best, second] = detectAll(text, { only: [...LATIN] }).filter((guess) => (LATIN as readonly string[]).includes(guess.lang));
  if (!best) return null;
  if (second && best.accuracy - second.accuracy < MIN_MARGIN) return null;
  return best.lang as Lang;
}

/** The language most entries are in (ties and no answer: the fallback). */
export function dominantLang(langs: (Lang | null)[], fallback: Lang): Lang {
  const counts = new Map<Lang, number>();
  for (const lang of langs) if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (!ranked[0] || (ranked[1] && ranked[1][1] === ranked[0][1])) return fallback;
  return ranked[0][0];
}
