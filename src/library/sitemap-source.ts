import type { SitemapSource } from '../web/sitemap.ts';

/** The library and every public resource (members-only resources are never listed). */
export const librarySitemap: SitemapSource = async (db) => {
  const resources = await db.selectFrom('resources').select(['slug', 'updated_at']).where('visibility', '=', 'public').orderBy('id').execute();
  return [{ path: '/library' }, ...resources.map((r) => ({ path: `/library/${r.slug}`, updated: r.updated_at }))];
};
