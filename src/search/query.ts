import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { matchAt, termsOf, type GlossaryTerm } from './glossary.ts';
import { configFor, hangulBigrams, HAS_HANGUL, words } from './text.ts';

/** Limits on what a query may ask: longer input is cut, not refused. */
export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 12;

/**
 * One part of a parsed query that a document must match: a word or a phrase the reader typed, and
 * the same concept's terms in the other languages when the glossary knows it.
 */
export interface QueryUnit {
  words: string[];
  phrase: boolean;
  /** Whether the last word may be a prefix (search-as-you-type). */
  prefix: boolean;
  expansions: GlossaryTerm[];
  /** The reader put it in quotes: a phrase asked for, never split. */
  quoted?: boolean;
}

export interface ParsedQuery {
  /** The query as understood: cut, stripped of operators. Empty when nothing searchable remains. */
  text: string;
  units: QueryUnit[];
}

const QUOTES = /["“”«»„]([^"“”«»„]*)["“”«»„]?/g;

/**
 * Reads what a reader typed into words and phrases. Operators, punctuation and markup are dropped:
 * the text never reaches `to_tsquery` as such, only letters and digits do.
 */
export function parseQuery(raw: string, options: { prefix?: boolean } = {}): ParsedQuery {
  const input = raw.normalize('NFKC').slice(0, MAX_QUERY_CHARS);
  const units: QueryUnit[] = [];
  let budget = MAX_TERMS;
  const loose: string[] = [];
  const rest = input.replace(QUOTES, (_match, phrase: string) => {
    const phraseWords = words(phrase).slice(0, budget);
    budget -= phraseWords.length;
    if (phraseWords.length) {
      const match = matchAt(phraseWords, 0);
      const whole = match && match.length === phraseWords.length;
      units.push({ words: phraseWords, phrase: phraseWords.length > 1, prefix: false, expansions: whole ? termsOf(match.concept) : [], quoted: true });
    }
    return ' ';
  });
  loose.push(...words(rest).slice(0, Math.max(0, budget)));
  for (let i = 0; i < loose.length; ) {
    const match = matchAt(loose, i);
    if (match) {
      units.push({ words: loose.slice(i, i + match.length), phrase: match.length > 1, prefix: false, expansions: termsOf(match.concept) });
      i += match.length;
    } else {
      units.push({ words: [loose[i]!], phrase: false, prefix: false, expansions: [] });
      i += 1;
    }
  }
  const last = units.at(-1);
  if (options.prefix && last && !last.phrase && !last.expansions.length && loose.length) last.prefix = true;
  return { text: units.map((unit) => (unit.phrase && !unit.expansions.length ? `"${unit.words.join(' ')}"` : unit.words.join(' '))).join(' '), units };
}

/**
 * The query word by word, for ranking documents by how many of the words they hold: a glossary
 * phrase ("jeunes entrepreneurs", one concept) becomes its words, each with its own concept when the
 * glossary has one; quoted phrases stay whole, since the reader asked for them.
 */
export function wordUnits(query: ParsedQuery): ParsedQuery {
  const units = query.units.flatMap((unit): QueryUnit[] => (unit.quoted || unit.words.length === 1 ? [unit] : unit.words.map((word) => {
    const match = matchAt([word], 0);
    return { words: [word], phrase: false, prefix: false, expansions: match && match.length === 1 ? termsOf(match.concept) : [] };
  })));
  return { text: query.text, units };
}

const STEMMED: Lang[] = ['en', 'fr', 'es'];

/** A phrase in one configuration (Korean: its bigrams, as a phrase of the `simple` configuration). */
function phraseIn(text: string, lang: Lang | 'any'): RawBuilder<unknown>[] {
  if (HAS_HANGUL.test(text)) return [sql`phraseto_tsquery('passerelle_simple', ${hangulBigrams(text)})`];
  const configs = lang === 'any' ? [...STEMMED.map(configFor), 'passerelle_simple'] : [configFor(lang)];
  return configs.map((config) => sql`phraseto_tsquery(${config}::regconfig, ${text})`);
}

/** A prefix of one word (letters and digits only, so `:*` is the only operator to_tsquery sees). */
function prefixIn(word: string): RawBuilder<unknown>[] {
  if (HAS_HANGUL.test(word)) return phraseIn(word, 'any');
  return [...STEMMED.map(configFor), 'passerelle_simple'].map((config) => sql`to_tsquery(${config}::regconfig, ${`${word}:*`})`);
}


type Executor = Kysely<DB> | Transaction<DB>;

/** A query ready for PostgreSQL: units AND-ed, each unit's forms OR-ed. */
export interface CompiledQuery {
  /** The whole query as tsquery text, for ranking, snippets and row-by-row checks. */
  text: string;
  /** Each unit's forms, each a tsquery text of one word or one phrase. */
  units: string[][];
}

/**
 * Compiles a parsed query: each unit's forms are the typed words in every configuration and the
 * glossary's terms in theirs. A unit that is a stop word in one of the stemmed languages ("the",
 * "les", "de") is dropped, since that language's documents do not hold it; unless every unit is
 * one. The stemming happens in PostgreSQL, once, before the search, so the planner of the search
 * sees constant tsqueries and can estimate how common their words are.
 */
export async function compileQuery(db: Executor, query: ParsedQuery): Promise<CompiledQuery | null> {
  if (!query.units.length) return null;
  const units = query.units.map((unit, index) => {
    const typed = unit.words.join(' ');
    const parts = unit.prefix ? prefixIn(typed) : phraseIn(typed, 'any');
    for (const term of unit.expansions) parts.push(...phraseIn(term.text, term.lang));
    const stop = unit.expansions.length || HAS_HANGUL.test(typed)
      ? sql`false`
      : sql.join(STEMMED.map((lang) => sql`numnode(plainto_tsquery(${configFor(lang)}::regconfig, ${typed})) = 0`), sql` OR `);
    return sql`SELECT ${index}::int AS unit, ARRAY[${sql.join(parts.map((part) => sql`(${part})::text`))}] AS parts, (${stop}) AS stop`;
  });
  const { rows } = await sql<{ unit: number; parts: string[]; stop: boolean }>`${sql.join(units, sql` UNION ALL `)}`.execute(db);
  const compiled = rows
    .sort((a, b) => a.unit - b.unit)
    .map((row) => ({ stop: row.stop, forms: withoutRedundantForms(row.parts) }))
    .filter((row) => row.forms.length);
  const kept = compiled.filter((row) => !row.stop);
  const chosen = (kept.length ? kept : compiled).map((row) => row.forms);
  if (!chosen.length) return null;
  return { text: chosen.map((forms) => `(${forms.map((form) => `(${form})`).join(' | ')})`).join(' & '), units: chosen };
}

/** A form's tokens: its quoted lexemes (with any `:*`) and the phrase operators between them. */
const tokensOf = (form: string): string[] => form.match(/'(?:[^']|'')*'(?::\*)?|<(?:-|\d+)>/g) ?? [];

/**
 * The forms of one unit, each once, without those another form already implies: when `'care'` is an
 * alternative, `'care' <-> 'economi'` can only match where `'care'` does. Every alternative costs at
 * match time, and the index reads the list of each of its words: such a phrase would make it read
 * `'economi'`, which is everywhere, for nothing.
 */
export function withoutRedundantForms(forms: string[]): string[] {
  const unique = [...new Set(forms.filter(Boolean))].map((form) => ({ form, tokens: tokensOf(form) }));
  const implies = (shorter: string[], longer: string[]) =>
    shorter.length < longer.length && longer.some((_, start) => shorter.every((token, i) => longer[start + i] === token));
  return unique.filter((candidate) => !unique.some((other) => implies(other.tokens, candidate.tokens))).map(({ form }) => form);
}
