import type { SitemapSource } from '../web/sitemap.ts';

export const mapSitemap: SitemapSource = async () => [{ path: '/map' }];
