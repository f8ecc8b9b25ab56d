import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { LANGS } from '../i18n/langs.ts';
import type { SearchKind } from './types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface RecentDocument {
  kind: SearchKind;
  slug: string;
  /** Title in the asked language, else the first language the document has. */
  title: string;
  titleLang: Lang;
  summary: string;
  /** Path without the language prefix. */
  path: string;
  date: string | null;
  updatedAt: Date;
}

/**
 * What feeds list as new content: people and governance meetings are searchable but are not "new
 * content" (a meeting is dated ahead), and newsletter issues have their own archive.
 */
export const FEED_KINDS: readonly SearchKind[] = ['member', 'activity', 'event', 'initiative', 'resource', 'news'];

/** The newest public documents of the index (of the feed kinds), for feeds: by date, then by last change. */
export async function recentDocuments(
  db: Executor,
  { lang, limit, visibility = 'public' }: { lang: Lang; limit: number; visibility?: 'public' },
): Promise<RecentDocument[]> {
  const { rows } = await sql<{ kind: SearchKind; slug: string; path: string; titles: Record<string, string>; summaries: Record<string, string>; date: string | null; updated_at: Date }>`
    SELECT kind, slug, path, titles, summaries, to_char(date, 'YYYY-MM-DD') AS date, updated_at
    FROM search_documents WHERE visibility = ${visibility} AND kind = ANY(${FEED_KINDS}::text[])
    ORDER BY date DESC NULLS LAST, updated_at DESC LIMIT ${Math.max(1, Math.min(limit, 500))}`.execute(db);
  return rows.map((row) => {
    const titleLang = [lang, ...LANGS].find((candidate) => row.titles[candidate]) ?? lang;
    const summaryLang = [titleLang, ...LANGS].find((candidate) => row.summaries[candidate]);
    return {
      kind: row.kind,
      slug: row.slug,
      title: row.titles[titleLang] ?? row.slug,
      titleLang,
      summary: summaryLang ? row.summaries[summaryLang] ?? '' : '',
      path: row.path,
      date: row.date,
      updatedAt: row.updated_at,
    };
  });
}
