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
  for (const batch of batches(documents)) await indexDocuments(db, batch);
}

/** Documents written per group of statements, and their text at most (extracted files can be long). */
const BATCH_DOCUMENTS = 500;
const BATCH_CHARS = 4_000_000;

function batches(documents: SearchDocument[]): SearchDocument[][] {
  const all: SearchDocument[][] = [];
  let current: SearchDocument[] = [];
  let chars = 0;
  for (const document of documents) {
    const size = document.bodies.reduce((sum, body) => sum + Math.min(body.text.length, BODY_CHARS), 0);
    if (current.length && (current.length >= BATCH_DOCUMENTS || chars + size > BATCH_CHARS)) {
      all.push(current);
      current = [];
      chars = 0;
    }
    current.push(document);
    chars += size;
  }
  if (current.length) all.push(current);
  return all;
}

/** Writes one document's index rows, replacing what was there. Also used by tests and the bench. */
export function indexDocument(db: Executor, document: SearchDocument): Promise<void> {
  return indexDocuments(db, [document]);
}

/**
 * Writes documents' index rows, replacing what was there, in four statements whatever their number
 * (one per document made reindexing 50,000 initiatives a matter of minutes).
 */
export async function indexDocuments(db: Executor, documents: SearchDocument[]): Promise<void> {
  if (!documents.length) return;
  const prepared = documents.map((document) => ({ document, texts: textsByLang(document) }));
  const rows = prepared.map(({ document, texts }) => ({
    kind: document.kind, source_id: document.sourceId, slug: document.slug, path: document.path, visibility: document.visibility,
    date: document.date, region: document.region, themes: document.themes, languages: texts.map((t) => t.lang),
    titles: Object.fromEntries(texts.filter((t) => t.title).map((t) => [t.lang, t.title])),
    summaries: Object.fromEntries(texts.filter((t) => t.summary).map((t) => [t.lang, t.summary])),
    names: normalise([...texts.filter((t) => t.title).map((t) => t.title), ...document.names].join(' · ')).slice(0, 2000),
  }));
  const { rows: written } = await sql<{ id: string; kind: string; source_id: number }>`
    INSERT INTO search_documents (kind, source_id, slug, path, visibility, date, region, themes, languages, titles, summaries, names, updated_at)
    SELECT kind, source_id, slug, path, visibility, date, region, themes, languages, titles, summaries, names, now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(kind text, source_id int, slug text, path text, visibility text, date date,
      region text, themes text[], languages text[], titles jsonb, summaries jsonb, names text)
    ON CONFLICT (kind, source_id) DO UPDATE SET slug = excluded.slug, path = excluded.path, visibility = excluded.visibility,
      date = excluded.date, region = excluded.region, themes = excluded.themes, languages = excluded.languages,
      titles = excluded.titles, summaries = excluded.summaries, names = excluded.names, updated_at = now()
    RETURNING id, kind, source_id`.execute(db);
  const idOf = new Map(written.map((row) => [`${row.kind}:${row.source_id}`, row.id]));
  const known = [...new Set(rows.flatMap((row) => words(row.names)).filter((word) => word.length >= 3 && !/\d/.test(word) && !HAS_HANGUL.test(word)))];
  if (known.length) await sql`INSERT INTO search_words (word) SELECT unnest(${known}::text[]) ON CONFLICT DO NOTHING`.execute(db);
  await sql`DELETE FROM search_texts WHERE document_id = ANY(${[...idOf.values()]}::bigint[])`.execute(db);
  const texts = prepared.flatMap(({ document, texts: langTexts }) => langTexts.map((t) => ({
    document_id: idOf.get(`${document.kind}:${document.sourceId}`), source_id: document.sourceId, lang: t.lang, kind: document.kind, visibility: document.visibility,
    year: document.date ? Number(document.date.slice(0, 4)) : null, region: document.region, themes: document.themes, score: staticScore(document),
    config: configFor(t.lang), title: hangulBigrams(t.title), summary: hangulBigrams(t.summary), body: hangulBigrams(t.body.slice(0, BODY_CHARS)),
    names: hangulBigrams(document.names.join(' ')), excerpt: stripMarks(`${t.summary}\n${t.body.slice(0, EXCERPT_CHARS)}`.trim()),
  })));
  if (!texts.length) return;
  await sql`
    INSERT INTO search_texts (document_id, source_id, lang, kind, visibility, year, region, themes, score, excerpt, tsv)
    SELECT x.document_id, x.source_id, x.lang, x.kind, x.visibility, x.year, x.region, x.themes, x.score, x.excerpt,
      setweight(to_tsvector(x.config::regconfig, x.title), 'A') || setweight(to_tsvector(x.config::regconfig, x.summary), 'B')
      || setweight(to_tsvector(x.config::regconfig, x.body), 'C') || setweight(to_tsvector('passerelle_simple', x.names), 'D')
    FROM jsonb_to_recordset(${JSON.stringify(texts)}::jsonb) AS x(document_id bigint, source_id integer, lang text, kind text, visibility text, year smallint,
      region text, themes text[], score real, config text, title text, summary text, body text, names text, excerpt text)`.execute(db);
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
