import type { SitemapSource } from '../../web/sitemap.ts';

/** The calls list and every call the public may see (never a draft). */
export const callSitemap: SitemapSource = async (db) => {
  const rows = await db.selectFrom('calls').select(['slug', 'updated_at']).where('state', '!=', 'draft').orderBy('id').execute();
  return [{ path: '/calls' }, ...rows.map((row) => ({ path: `/calls/${row.slug}`, updated: row.updated_at }))];
};
