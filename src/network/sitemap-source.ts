import type { SitemapSource } from '../web/sitemap.ts';

export const homeSitemap: SitemapSource = async () => [{ path: '/' }];
