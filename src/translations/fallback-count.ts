import type { FastifyInstance } from 'fastify';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { translator } from '../i18n/i18n.ts';
import { sitemapEntries } from '../web/sitemap.ts';

/** The fallback notice as rendered in a language: the message up to its `{shown}` placeholder. */
function fallbackMarker(lang: Lang): string {
  const message = translator(lang)('content.fallback', { shown: '\u0000' });
  return message.slice(0, message.indexOf('\u0000')).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface FallbackCount {
  pages: number;
  /** Per language: how many public pages show at least one "not available in your language" notice. */
  fallback: Record<Lang, number>;
}

/**
 * Walks every public page of the sitemap in every language (through the app, as a visitor would)
 * and counts those showing the fallback notice: the figure issue 13 measures before and after the
 * machine drafts.
 */
export async function countFallbackPages(app: FastifyInstance): Promise<FallbackCount> {
  const entries = await sitemapEntries(app.ctx.db);
  const fallback = Object.fromEntries(LANGS.map((lang) => [lang, 0])) as Record<Lang, number>;
  for (const lang of LANGS) {
    const marker = fallbackMarker(lang);
    for (const entry of entries) {
      const response = await app.inject({ method: 'GET', url: `/${lang}${entry.path === '/' ? '/' : entry.path}` });
      if (response.statusCode === 200 && response.body.includes(marker)) fallback[lang]++;
    }
  }
  return { pages: entries.length, fallback };
}
