import type { SitemapSource } from '../web/sitemap.ts';

/** The page describing the open data and the API (its JSON and CSV answers are not pages). */
export const openDataSitemap: SitemapSource = async () => [{ path: '/open-data' }];
