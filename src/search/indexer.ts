import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { searchSources } from './sources.ts';
import { configFor, hangulBigrams, HAS_HANGUL, normalise, stripMarks, words } from './text.ts';
import type { SearchDocument, SearchKind, SearchSource } from './types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Characters of body text kept for snippets; the tsvector is built from the whole text. */
const EXCERPT_CHARS = 4000;
/** PostgreSQL refuses tsvectors over 1 MB: very long extracted texts are cut well before that. */
const BODY_CHARS = 400_000;

/**
 * Brings the search index up to date for some rows of one kind (or all rows of that kind when ids is
 * omitted), inside the caller's transaction: a row deleted from its table leaves the index too.
 * Modules call this after each write of a searchable row.
 */
export async function reindexSearch(db: Executor, kind: SearchKind, ids?: number[], sources: readonly SearchSource[] = searchSources()): Promise<void> {
  const source = sources.find((candidate) => candidate.kind === kind);
  if (!source || (ids && ids.length === 0)) return;
  const documents = await source.load(db, ids);
  const kept = documents.map((document) => document.sourceId);
  await sql`DELETE FROM search_documents WHERE kind = ${kind}
    AND ${ids ? sql`source_id = ANY(${ids}::int[])` : sql`true`}
    AND NOT (source_id = ANY(${kept}::int[]))`.execute(db);
  for (const document of documents) await indexDocument(db, document);
}

/** Writes one document's index rows, replacing what was there. Also used by tests and the bench. */
export async function indexDocument(db: Executor, document: SearchDocument): Promise<void> {
  const texts = textsByLang(document);
  const titles = Object.fromEntries(texts.filter((t) => t.title).map((t) => [t.lang, t.title]));
  const summaries = Object.fromEntries(texts.filter((t) => t.summary).map((t) => [t.lang, t.summary]));
  const names = normalise([...Object.values(titles), ...document.names].join(' · ')).slice(0, 2000);
  const year = document.date ? Number(document.date.slice(0, 4)) : null;
  const { rows } = await sql<{ id: string }>`
    INSERT INTO search_documents (kind, source_id, slug, path, visibility, date, region, themes, languages, titles, summaries, names, updated_at)
    VALUES (${document.kind}, ${document.sourceId}, ${document.slug}, ${document.path}, ${document.visibility}, ${document.date},
      ${document.region}, ${document.themes}::text[], ${texts.map((t) => t.lang)}::text[], ${JSON.stringify(titles)}::jsonb,
      ${JSON.stringify(summaries)}::jsonb, ${names}, now())
    ON CONFLICT (kind, source_id) DO UPDATE SET slug = excluded.slug, path = excluded.path, visibility = excluded.visibility,
      date = excluded.date, region = excluded.region, themes = excluded.themes, languages = excluded.languages,
      titles = excluded.titles, summaries = excluded.summaries, names = excluded.names, updated_at = now()
    RETURNING id`.execute(db);
  const id = rows[0]!.id;
  const known = [...new Set(words(names).filter((word) => word.length >= 3 && !/\d/.test(word) && !HAS_HANGUL.test(word)))];
  if (known.length) await sql`INSERT INTO search_words (word) SELECT unnest(${known}::text[]) ON CONFLICT DO NOTHING`.execute(db);
  await sql`DELETE FROM search_texts WHERE document_id = ${id}`.execute(db);
  if (!texts.length) return;
  // Every language's row in one statement: reindexing a whole module stays a few queries per row.
  const column = (f: (text: LangText) => string) => texts.map(f);
  await sql`
    INSERT INTO search_texts (document_id, lang, kind, visibility, year, region, themes, score, excerpt, tsv)
    SELECT ${id}, x.lang, ${document.kind}, ${document.visibility}, ${year}, ${document.region}, ${document.themes}::text[], ${staticScore(document)}, x.excerpt,
      setweight(to_tsvector(x.config::regconfig, x.title), 'A') || setweight(to_tsvector(x.config::regconfig, x.summary), 'B')
      || setweight(to_tsvector(x.config::regconfig, x.body), 'C') || setweight(to_tsvector('passerelle_simple', ${hangulBigrams(document.names.join(' '))}), 'D')
    FROM unnest(${column((t) => t.lang)}::text[], ${column((t) => configFor(t.lang))}::text[], ${column((t) => hangulBigrams(t.title))}::text[],
      ${column((t) => hangulBigrams(t.summary))}::text[], ${column((t) => hangulBigrams(t.body.slice(0, BODY_CHARS)))}::text[],
      ${column((t) => stripMarks(`${t.summary}\n${t.body.slice(0, EXCERPT_CHARS)}`.trim()))}::text[]) AS x(lang, config, title, summary, body, excerpt)`.execute(db);
}

interface LangText {
  lang: Lang;
  title: string;
  summary: string;
  body: string;
}

/** The languages a document has any text in, each with its title, summary and body in that language. */
function textsByLang(document: SearchDocument): LangText[] {
  return LANGS.map((lang) => ({
    lang,
    title: document.title[lang]?.text.trim() ?? '',
    summary: document.summary[lang]?.text.trim() ?? '',
    body: document.bodies.filter((b) => b.lang === lang).map((b) => b.text).join('\n\n'),
  })).filter((t) => t.title || t.summary || t.body.trim());
}

/** A query-independent order: newer first. Used to pick which matches of a common word get ranked. */
function staticScore(document: SearchDocument): number {
  if (!document.date) return 0;
  const days = (Date.parse(document.date) - Date.UTC(2000, 0, 1)) / 86_400_000;
  return Number.isFinite(days) ? Math.max(0, days / 10_000) : 0;
}
