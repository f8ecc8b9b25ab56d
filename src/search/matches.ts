import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/types.ts';
import { compileQuery, parseQuery } from './query.ts';
import { indexConditions } from './search.ts';
import type { SearchKind } from './types.ts';

/**
 * Every document of one kind that the site search finds for a query, uncapped and unranked, as a
 * subquery of their source ids: for a module's own listing that filters by text and counts facets
 * over all the matches (the initiatives archive). Same words, stems, glossary terms across
 * languages and names as the search page; the last word may be unfinished, as typed in a filter box.
 * Null when the query holds nothing searchable.
 */
export async function matchingSourceIds(db: Kysely<DB>, { q, kind, visibility }: { q: string; kind: SearchKind; visibility: string[] }): Promise<RawBuilder<number> | null> {
  const compiled = await compileQuery(db, parseQuery(q, { prefix: true }));
  if (!compiled) return null;
  // The kind is a column of the words' GIN index: the lists are read for that kind only. Each text
  // holds its source id: the documents table (wide) is not read at all.
  return sql<number>`SELECT t.source_id FROM search_texts t WHERE t.kind = ${kind} AND t.visibility = ANY(${visibility}::text[]) AND ${indexConditions(compiled)}`;
}
