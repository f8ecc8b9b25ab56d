import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { REGIONS } from '../places/regions.ts';
import { compileQuery, parseQuery, wordUnits, type CompiledQuery, type ParsedQuery } from './query.ts';
import { highlight, type Segment } from './snippet.ts';
import { HAS_HANGUL, normalise } from './text.ts';
import { SEARCH_KINDS, type SearchKind } from './types.ts';

/**
 * How a query stays fast at 100,000 items, common words included. Ranking every match of a common
 * word is what makes a naive search slow (each match's tsvector read and scored), so at most CAP
 * matches are ranked: the best CAP by a precomputed static score (newer first). They are found in
 * one of two ways, whichever reads fewer rows:
 * - the PROBE: walk the newest PROBE rows in score order and keep the matches, stopping at CAP. A
 *   common word (more than CAP/PROBE of the rows) fills it quickly, and the result is exactly the
 *   CAP newest matches;
 * - otherwise the word is rarer: the GIN index gives all its matches (fewer than about
 *   CAP/PROBE × rows), sorted by score.
 * Totals and facet counts come from these candidates; when they are capped the page says "300+".
 */
export const CAP = 300;
const PROBE = 5000;
const SAMPLE = 500;
export const FACETS = ['kind', 'language', 'year', 'region', 'theme'] as const;
export type Facet = (typeof FACETS)[number];
export type SearchFilters = Record<Facet, string[]>;

export interface SearchInput {
  q: string;
  lang: Lang;
  filters: SearchFilters;
  limit: number;
  offset: number;
  /** Members-only documents are searched (signed-in members and staff only). */
  members: boolean;
  /** Facet counts are wanted (the page), or not (the API, search-as-you-type). */
  facets?: boolean;
  /** The last word may be unfinished (search-as-you-type). */
  prefix?: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  slug: string;
  path: string;
  title: string;
  titleLang: Lang;
  /** The language of the text the snippet comes from. */
  lang: Lang;
  snippet: Segment[];
  date: string | null;
}

export interface SearchResult {
  query: ParsedQuery;
  items: SearchHit[];
  total: number;
  /** More matches exist than were counted (total and facet counts are lower bounds). */
  capped: boolean;
  /**
   * Fewer than FEW documents hold every word: after those (`exact` of them), the items are the
   * documents holding most of the words, the most words first.
   */
  partial: { exact: number } | null;
  /** Nothing matched the query as typed; the items are those of `corrected`, its closest known words. */
  typo: boolean;
  corrected: string | null;
  facets: Record<Facet, { value: string; count: number }[]>;
}

const KNOWN: Partial<Record<Facet, readonly string[]>> = { kind: SEARCH_KINDS, language: LANGS, region: REGIONS };
const SHAPE: Record<Facet, RegExp> = { kind: /^[a-z]+$/, language: /^[a-z]{2}$/, year: /^\d{4}$/, region: /^[a-z-]+$/, theme: /^[a-z0-9-]{1,60}$/ };

/** Keeps the filter values that can mean something; anything else is ignored rather than an error. */
export function cleanFilters(raw: Partial<Record<Facet, unknown>>): SearchFilters {
  const clean = (facet: Facet) => {
    const values = [raw[facet]].flat().flatMap((value) => (typeof value === 'string' ? value.split(',') : [])).map((value) => value.trim());
    const known = KNOWN[facet];
    return [...new Set(values.filter((value) => SHAPE[facet].test(value) && (!known || known.includes(value))))].slice(0, 10);
  };
  return { kind: clean('kind'), language: clean('language'), year: clean('year'), region: clean('region'), theme: clean('theme') };
}

const emptyFacets = (): SearchResult['facets'] => ({ kind: [], language: [], year: [], region: [], theme: [] });

function filterSql(filters: SearchFilters, except?: Facet): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (except !== 'kind' && filters.kind.length) parts.push(sql`kind = ANY(${filters.kind}::text[])`);
  if (except !== 'language' && filters.language.length) parts.push(sql`lang = ANY(${filters.language}::text[])`);
  if (except !== 'year' && filters.year.length) parts.push(sql`year = ANY(${filters.year.map(Number)}::smallint[])`);
  if (except !== 'region' && filters.region.length) parts.push(sql`region = ANY(${filters.region}::text[])`);
  if (except !== 'theme' && filters.theme.length) parts.push(sql`themes && ${filters.theme}::text[]`);
  return sql.join(parts, sql` AND `);
}

const CONFIG_OF_LANG = sql`(CASE t.lang WHEN 'en' THEN 'passerelle_en' WHEN 'fr' THEN 'passerelle_fr' WHEN 'es' THEN 'passerelle_es' ELSE 'passerelle_simple' END)::regconfig`;

interface Candidate { document_id: string; lang: Lang; kind: string; year: number | null; region: string | null; themes: string[]; score: number; rank: number }

/** The one search: ranked, filtered, paginated, with facet counts, over what the reader may see. */
export async function search(db: Kysely<DB>, input: SearchInput, fallbacks = true): Promise<SearchResult> {
  const query = parseQuery(input.q, { prefix: input.prefix });
  const result: SearchResult = { query, items: [], total: 0, capped: false, partial: null, typo: false, corrected: null, facets: emptyFacets() };
  const compiled = await compileQuery(db, query);
  if (!compiled) return result;
  const visibility = input.members ? ['public', 'members'] : ['public'];
  const filtered = FACETS.some((facet) => input.filters[facet].length > 0);
  const all = await aboutCapDocuments((limit) => candidates(db, compiled, visibility, NO_FILTERS, input.lang, { limit }));
  // Filters narrow the candidates when they are all the matches; a capped common word asks again.
  const chosen = !filtered ? all
    : all.capped ? await aboutCapDocuments((limit) => candidates(db, compiled, visibility, input.filters, input.lang, { limit, probe: false }))
    : { rows: all.rows.filter((row) => FACETS.every((facet) => !input.filters[facet].length || VALUE_OF[facet](row).some((value) => input.filters[facet].includes(value)))), capped: false };
  const exact = bestPerDocument(chosen.rows).slice(0, CAP);
  // A typo is the likelier reason for nothing at all: its correction, when it finds everything, wins.
  if (exact.length === 0 && fallbacks) {
    const fixed = await corrected(db, input, result);
    if (fixed) return fixed;
  }
  const byWord = fallbacks && !input.prefix && exact.length < FEW ? await compileQuery(db, wordUnits(query)) : null;
  const partial = byWord && byWord.units.length > 1 ? await mostWords(db, byWord, visibility, input.filters, input.lang, exact) : null;
  const ranked = partial ? [...exact, ...partial.rows] : exact;
  result.total = ranked.length;
  result.capped = chosen.capped;
  result.partial = partial && partial.rows.length ? { exact: exact.length } : null;
  const page = ranked.slice(input.offset, input.offset + input.limit);
  result.items = await hits(db, page, result.partial ? anyUnit(byWord!) : compiled.text, input.lang, query);
  if (input.facets) result.facets = facetCounts(result.partial ? [...all.rows, ...partial!.all] : all.rows, input.filters);
  return result;
}

/** Below this many documents holding every word, those holding most of the words follow them. */
export const FEW = 3;

/** The whole query with its units OR-ed: for snippets and ranking of documents that hold some of them. */
const anyUnit = (compiled: CompiledQuery) => compiled.units.map((forms) => `(${forms.map((form) => `(${form})`).join(' | ')})`).join(' | ');

/**
 * The documents holding some of the words, those with the most words first, as search engines
 * answer a query whose words never meet. Each word is searched alone, by the same capped two-path
 * search (so a common word costs its newest CAP matches, not all of them); then each text among
 * those candidates is checked against every word, so a document found through one word also counts
 * the others it holds. Ties go to the rarer words (a word found by fewer texts says more), then to
 * the usual rank. Documents that hold every word (`exact`, already listed) are left out.
 */
async function mostWords(db: Kysely<DB>, compiled: CompiledQuery, visibility: string[], filters: SearchFilters, lang: Lang, exact: Candidate[]): Promise<{ rows: Candidate[]; all: Candidate[] }> {
  const single = (forms: string[]): CompiledQuery => ({ text: anyUnit({ text: '', units: [forms] }), units: [forms] });
  // Each word alone, side by side on the pool's connections.
  const perUnit = await Promise.all(compiled.units.map((forms) => candidates(db, single(forms), visibility, NO_FILTERS, lang)));
  const key = (row: Pick<Candidate, 'document_id' | 'lang'>) => `${row.document_id}:${row.lang}`;
  const found = new Map<string, Candidate>();
  const matchedOf = new Map<string, boolean[]>();
  perUnit.forEach((unit, i) => {
    for (const row of unit.rows) {
      found.set(key(row), row);
      const matched = matchedOf.get(key(row)) ?? compiled.units.map(() => false);
      matched[i] = true;
      matchedOf.set(key(row), matched);
    }
  });
  if (!found.size) return { rows: [], all: [] };
  const rows = [...found.values()];
  // The lists tell which words each text holds, unless one was capped (a text beyond a common word's
  // newest CAP may hold it too): then each text is checked against every word. With two words that
  // cannot matter: a text holding both holds every word, and those were all found already.
  if (compiled.units.length > 2 && perUnit.some((unit) => unit.capped)) {
    const { rows: checked } = await sql<{ document_id: string; lang: Lang; matched: boolean[] }>`
      SELECT t.document_id, t.lang, ARRAY[${sql.join(compiled.units.map((forms) => sql`t.tsv @@ ${single(forms).text}::tsquery`))}] AS matched
      FROM search_texts t
      WHERE (t.document_id, t.lang) IN (SELECT * FROM unnest(${rows.map((r) => r.document_id)}::bigint[], ${rows.map((r) => r.lang)}::text[]))`.execute(db);
    for (const row of checked) matchedOf.set(key(row), row.matched);
  }
  // A word whose search was capped is common; otherwise the fewer its texts, the more it weighs.
  const weights = perUnit.map((unit) => (unit.capped ? 0 : Math.log(1 + CAP / Math.max(1, unit.rows.length))));
  const scored = rows.map((row) => {
    const matched = matchedOf.get(key(row)) ?? [];
    const words = matched.filter(Boolean).length;
    const weight = matched.reduce((sum, hit, i) => sum + (hit ? weights[i]! : 0), 0);
    // Words first, then rarity, then the usual rank: one number the per-document pick can compare.
    return { ...row, rank: words * 1000 + weight * 10 + Math.min(row.rank, 1) };
  });
  const all = scored.filter((row) => FACETS.every((facet) => !filters[facet].length || VALUE_OF[facet](row).some((value) => filters[facet].includes(value))));
  const listed = new Set(exact.map((row) => String(row.document_id)));
  return { rows: bestPerDocument(all).filter((row) => !listed.has(String(row.document_id))).slice(0, CAP - exact.length), all: scored };
}

const NO_FILTERS: SearchFilters = { kind: [], language: [], year: [], region: [], theme: [] };

/**
 * The query as conditions the planner can serve from the index cheaply: one index scan per form,
 * OR-ed and AND-ed as bitmaps. Checking the whole tsquery in one index scan costs far more when its
 * forms are many and their words common, as glossary expansions make them.
 */
export function indexConditions(compiled: CompiledQuery): RawBuilder<unknown> {
  const anyForm = (forms: string[]) => sql`(${sql.join(forms.map((form) => sql`tsv @@ ${form}::tsquery`), sql` OR `)})`;
  return sql.join(compiled.units.map(anyForm), sql` AND `);
}

interface Candidates { rows: Candidate[]; capped: boolean }

/**
 * The cap counts texts, and a document has one per language: capped at 300 texts, GSEF's own site
 * (most documents in three or four languages) listed about 120 documents for a common word. A capped
 * list holding too few documents is asked for once more, wide enough for about CAP of them.
 */
async function aboutCapDocuments(fetch: (limit: number) => Promise<Candidates>): Promise<Candidates> {
  const first = await fetch(CAP);
  const documents = new Set(first.rows.map((row) => String(row.document_id))).size;
  if (!first.capped || documents >= CAP * 0.9) return first;
  return fetch(Math.min(CAP * LANGS.length, Math.ceil((CAP * CAP) / documents)));
}

/** At most `limit` texts matching the query, the newest first, ranked (see CAP for the two paths). */
async function candidates(db: Kysely<DB>, compiled: CompiledQuery, visibility: string[], filters: SearchFilters, lang: Lang, { limit = CAP, probe = true } = {}): Promise<Candidates> {
  const tsquery = compiled.text;
  const rank = sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', tsv, ${tsquery}::tsquery) * (CASE WHEN lang = ${lang} THEN 1.2 ELSE 1 END)`;
  const columns = sql`document_id, lang, kind, year, region, themes, score`;
  const where = sql`visibility = ANY(${visibility}::text[]) AND ${filterSql(filters)}`;
  const common = probe ? sql`(SELECT n FROM glance) * ${PROBE} >= ${CAP * SAMPLE}` : sql`false`;
  // One statement, two paths, one of them cut off by a one-time filter once the glance is known:
  // a glance at the newest SAMPLE rows tells a common query (probe the newest PROBE rows, stop at
  // CAP matches) from a rarer one (all matches from the GIN index; `score + 0` keeps the planner,
  // which cannot estimate phrases or long OR-lists, from walking the score index instead).
  const { rows } = await sql<Candidate & { path: 'probe' | 'index' }>`
    WITH glance AS MATERIALIZED (
      SELECT count(*)::int AS n FROM (SELECT tsv FROM search_texts WHERE ${where} ORDER BY score DESC LIMIT ${probe ? SAMPLE : 0}) newest
      WHERE tsv @@ ${tsquery}::tsquery
    )
    (SELECT ${columns}, ${rank} AS rank, 'probe' AS path FROM (
      SELECT ${columns}, tsv FROM search_texts WHERE ${where} AND ${common} ORDER BY score DESC LIMIT ${PROBE}
    ) newest WHERE tsv @@ ${tsquery}::tsquery LIMIT ${limit})
    UNION ALL
    (SELECT ${columns}, ${rank} AS rank, 'index' AS path FROM (
      SELECT ${columns}, tsv FROM search_texts WHERE ${indexConditions(compiled)} AND ${where} AND NOT ${common} ORDER BY score + 0 DESC LIMIT ${limit + 1}
    ) matches)`.execute(db);
  if (rows[0]?.path === 'probe') {
    // The glance misjudged a query that is not common after all: the index gives all its matches.
    // (A widened probe that found fewer than its limit keeps what it found: at least CAP, the newest.)
    if (rows.length < CAP) return candidates(db, compiled, visibility, filters, lang, { limit, probe: false });
    return { rows, capped: true };
  }
  return { rows: rows.slice(0, limit), capped: rows.length > limit };
}

/** One entry per document (its best-ranked language), best first. */
function bestPerDocument(rows: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const row of rows) {
    const key = String(row.document_id);
    const seen = best.get(key);
    if (!seen || row.rank > seen.rank) best.set(key, row);
  }
  return [...best.values()].sort((a, b) => b.rank - a.rank || b.score - a.score || Number(a.document_id) - Number(b.document_id));
}

const VALUE_OF: Record<Facet, (row: Candidate) => string[]> = {
  kind: (row) => [row.kind],
  language: (row) => [row.lang],
  year: (row) => (row.year === null ? [] : [String(row.year)]),
  region: (row) => (row.region ? [row.region] : []),
  theme: (row) => row.themes,
};

/** Each facet counted in documents, under the other facets' selections. */
function facetCounts(rows: Candidate[], filters: SearchFilters): SearchResult['facets'] {
  const facets = emptyFacets();
  for (const facet of FACETS) {
    const others = FACETS.filter((other) => other !== facet && filters[other].length);
    const counts = new Map<string, Set<string>>();
    for (const row of rows) {
      if (!others.every((other) => VALUE_OF[other](row).some((value) => filters[other].includes(value)))) continue;
      for (const value of VALUE_OF[facet](row)) {
        const set = counts.get(value) ?? new Set<string>();
        set.add(String(row.document_id));
        counts.set(value, set);
      }
    }
    facets[facet] = [...counts].map(([value, set]) => ({ value, count: set.size }))
      .sort((a, b) => (facet === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
  }
  return facets;
}

/**
 * "Did you mean": when nothing matches, each word that no title or name contains is replaced by the
 * closest one that does (trigram similarity over the small table of known words), and the search
 * runs once more with them.
 */
async function corrected(db: Kysely<DB>, input: SearchInput, result: SearchResult): Promise<SearchResult | null> {
  const typed = result.query.units.flatMap((unit) => unit.words).map(normalise);
  if (!typed.length || typed.some((word) => HAS_HANGUL.test(word))) return null;
  // Only unknown words are compared with the known ones (each comparison reads the word list).
  const { rows } = await sql<{ typed: string; best: string | null }>`
    SELECT w AS typed, CASE WHEN length(w) < 3 OR EXISTS (SELECT 1 FROM search_words WHERE word = w) THEN NULL
      ELSE (SELECT word FROM search_words WHERE word % w ORDER BY similarity(word, w) DESC, word LIMIT 1) END AS best
    FROM unnest(${typed}::text[]) WITH ORDINALITY AS t(w, n) ORDER BY n`.execute(db);
  const fixed = rows.map((row) => row.best ?? row.typed);
  if (fixed.join(' ') === typed.join(' ')) return null;
  const again = await search(db, { ...input, q: fixed.join(' '), prefix: false }, false);
  if (again.total === 0) return null;
  return { ...again, query: result.query, typo: true, corrected: fixed.join(' ') };
}

interface PageRow { id: string; kind: SearchKind; slug: string; path: string; titles: Record<string, string>; date: string | null; lang: Lang; excerpt: string; headline: string | null }

/** The page's documents with a snippet from the text that matched, marks made by ts_headline. */
async function hits(db: Kysely<DB>, rows: Pick<Candidate, 'document_id' | 'lang'>[], tsquery: string, lang: Lang, query: ParsedQuery): Promise<SearchHit[]> {
  if (!rows.length) return [];
  const { rows: found } = await sql<PageRow>`
    SELECT d.id, d.kind, d.slug, d.path, d.titles, to_char(d.date, 'YYYY-MM-DD') AS date, t.lang, t.excerpt,
      CASE WHEN t.lang = 'ko' THEN NULL ELSE ts_headline(${CONFIG_OF_LANG}, t.excerpt, ${tsquery}::tsquery,
        'StartSel=${sql.raw('\u0001')}, StopSel=${sql.raw('\u0002')}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') END AS headline
    FROM search_documents d JOIN search_texts t ON t.document_id = d.id
    WHERE (t.document_id, t.lang) IN (SELECT * FROM unnest(${rows.map((r) => r.document_id)}::bigint[], ${rows.map((r) => r.lang)}::text[]))`.execute(db);
  const byId = new Map(found.map((row) => [`${row.id}`, row]));
  const hangul = query.units.flatMap((unit) => unit.words).filter((word) => HAS_HANGUL.test(word));
  return rows.flatMap((row) => {
    const doc = byId.get(`${row.document_id}`);
    return doc ? [toHit(doc, lang, hangul)] : [];
  });
}

function toHit(doc: PageRow, lang: Lang, hangul: string[]): SearchHit {
  const titleLang = ([lang, doc.lang, ...LANGS] as Lang[]).find((candidate) => doc.titles[candidate]) ?? doc.lang;
  return {
    kind: doc.kind,
    slug: doc.slug,
    path: doc.path,
    title: doc.titles[titleLang] ?? doc.slug,
    titleLang,
    lang: doc.lang,
    snippet: highlight(doc.headline, doc.excerpt, hangul),
    date: doc.date,
  };
}


