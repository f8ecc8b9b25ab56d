import type { SitemapSource } from '../web/sitemap.ts';

/** The news list, every accepted item (never one under review) and the subscription page. */
export const newsSitemap: SitemapSource = async (db) => {
  const items = await db.selectFrom('news_items').select(['slug', 'updated_at']).where('status', '=', 'accepted').orderBy('id').execute();
  return [{ path: '/news' }, { path: '/newsletter/subscribe' }, ...items.map((item) => ({ path: `/news/${item.slug}`, updated: item.updated_at }))];
};
