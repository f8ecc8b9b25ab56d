import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import type { SearchDocument, SearchSource } from '../search/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Accepted news and announcements as search documents. Items under review are not loaded, so
 * reindexing one that was declined or is back in review removes it from the index.
 */
export const newsSearchSource: SearchSource = {
  kind: 'news',
  async load(db: Executor, ids?: number[]): Promise<SearchDocument[]> {
    let query = db
      .selectFrom('news_items')
      .select(['id', 'slug', 'title', 'summary', 'body', 'published_at'])
      .where('status', '=', 'accepted');
    if (ids) query = query.where('id', 'in', ids.length ? ids : [0]);
    const rows = await query.execute();
    return rows.map((row) => ({
      kind: 'news',
      sourceId: row.id,
      slug: row.slug,
      path: `/news/${row.slug}`,
      title: row.title,
      summary: row.summary,
      bodies: Object.entries(row.body).map(([lang, entry]) => ({ lang: lang as Lang, text: entry?.text ?? '' })),
      names: [],
      date: row.published_at ? row.published_at.toISOString().slice(0, 10) : null,
      region: null,
      themes: [],
      visibility: 'public',
    }));
  },
};
