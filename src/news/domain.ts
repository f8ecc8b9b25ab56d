import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Translatable } from '../i18n/translatable.ts';

/**
 * The news rules other modules rely on (the newsletter fills its sections with accepted news, the
 * feed lists them). The editorial flow itself is in review.ts.
 */
export interface PublishedNews {
  id: number;
  slug: string;
  kind: 'news' | 'announcement';
  title: Translatable;
  summary: Translatable;
  body: Translatable;
  image_key: string | null;
  image_mime: string | null;
  image_alt: Translatable;
  /** The image converted into sizes for srcset (images/), when one was uploaded that way. */
  image_id: number | null;
  link: string | null;
  source_lang: string;
  published_at: Date;
  updated_at: Date;
}

/** Accepted news (public), newest first; `since` keeps those published at or after it, `ids` those given. */
export async function acceptedNews(
  db: Kysely<DB> | Transaction<DB>,
  options: { since?: Date; ids?: readonly number[]; limit?: number } = {},
): Promise<PublishedNews[]> {
  if (options.ids && options.ids.length === 0) return [];
  let query = db
    .selectFrom('news_items')
    .select(['id', 'slug', 'kind', 'title', 'summary', 'body', 'image_key', 'image_mime', 'image_alt', 'image_id', 'link', 'source_lang', 'published_at', 'updated_at'])
    .where('status', '=', 'accepted');
  if (options.since) query = query.where('published_at', '>=', options.since);
  if (options.ids) query = query.where('id', 'in', [...options.ids]);
  query = query.orderBy('published_at', 'desc').orderBy('id', 'desc');
  if (options.limit) query = query.limit(options.limit);
  return (await query.execute()) as PublishedNews[];
}

/** Where a news item is read, and its image served. */
export const newsUrl = (lang: string, slug: string) => `/${lang}/news/${slug}`;
export const newsImageUrl = (slug: string) => `/media/news/${slug}/image`;
