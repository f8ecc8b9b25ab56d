import type { SitemapSource } from '../web/sitemap.ts';

/** The governance page; meetings have no public page of their own (published ones show there). */
export const governanceSitemap: SitemapSource = async () => [{ path: '/governance' }];
