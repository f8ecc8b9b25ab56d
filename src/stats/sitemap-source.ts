import type { SitemapSource } from '../web/sitemap.ts';

export const statsSitemap: SitemapSource = async () => [{ path: '/stats' }];
