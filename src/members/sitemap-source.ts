import type { SitemapSource } from '../web/sitemap.ts';

/**
 * The directory and every member profile (profiles are public whatever the status; private
 * contacts are not on the public page), and the blank application form, the network's public
 * invitation (drafts, reached by secret links, are never listed).
 */
export const memberSitemap: SitemapSource = async (db) => {
  const members = await db.selectFrom('members').select(['slug', 'updated_at']).orderBy('slug').execute();
  return [{ path: '/members' }, { path: '/join' }, ...members.map((m) => ({ path: `/members/${m.slug}`, updated: m.updated_at }))];
};
