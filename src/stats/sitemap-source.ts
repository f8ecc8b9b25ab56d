import type { SitemapSource } from '../web/sitemap.ts';
import { activityYears } from './queries.ts';

/** The figures page and one annual report per past or current year with activities. */
export const statsSitemap: SitemapSource = async (db) => {
  const thisYear = new Date().getUTCFullYear();
  const years = (await activityYears(db)).filter((year) => year <= thisYear);
  return [{ path: '/stats' }, ...years.map((year) => ({ path: `/reports/${year}` }))];
};
