import type { SitemapSource } from '../web/sitemap.ts';
import { pastIssues } from './issues.ts';

/** The archive and the web version of every sent issue (never a draft or a scheduled one). */
export const newsletterSitemap: SitemapSource = async (db) => {
  const { issues } = await pastIssues(db);
  return [{ path: '/newsletter' }, ...issues.map((issue) => ({ path: `/newsletter/${issue.slug}`, updated: issue.updated_at }))];
};
