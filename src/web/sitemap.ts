import { openDataSitemap } from '../api/sitemap-source.ts';
import { statsSitemap } from '../stats/sitemap-source.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { activitySitemap } from '../activities/sitemap-source.ts';
import { governanceSitemap } from '../governance/sitemap-source.ts';
import { LANGS } from '../i18n/langs.ts';
import { initiativeSitemap } from '../initiatives/sitemap-source.ts';
import { mapSitemap } from '../map/sitemap-source.ts';
import { memberSitemap } from '../members/sitemap-source.ts';
import { homeSitemap } from '../network/sitemap-source.ts';
import { librarySitemap } from '../library/sitemap-source.ts';
import { newsSitemap } from '../news/sitemap-source.ts';
import { newsletterSitemap } from '../newsletter/sitemap-source.ts';
import { callSitemap } from '../calls/public/sitemap-source.ts';

/**
 * `/sitemap.xml`: every public page in every language, each URL with its `hreflang` alternates
 * (and `x-default`, the English page, as the layout's own alternates say).
 *
 * A page is named once, without its language: `{ path: '/activities/gsef2018-bilbao' }`; the
 * sitemap writes it under `/en`, `/fr`, `/es` and `/ko`. `path` is `/` for the home page.
 */
export interface SitemapEntry {
  path: string;
  /** When the page's content last changed, for `<lastmod>` (omit when unknown). */
  updated?: Date | string | null;
}

/** One module's public pages. It must leave out whatever the public cannot see (members-only, unpublished, drafts). */
export type SitemapSource = (db: Kysely<DB>) => Promise<SitemapEntry[]>;

/**
 * Every module with public pages registers its source here (one line, appended). A module writes
 * its source in its own `src/<module>/sitemap-source.ts`. Modules built later — library resources,
 * news items, newsletter issues — add theirs the same way: their listing pages (`/library`,
 * `/news`, `/newsletter`) and each public item, never a members-only resource, an unpublished news
 * item or an unsent issue. Pages that are forms or personal (sign-in, search results, secret links,
 * /admin; the blank /join form is the exception, listed by members) do not belong here.
 */
export const SITEMAP_SOURCES: SitemapSource[] = [
  homeSitemap,
  memberSitemap,
  governanceSitemap,
  activitySitemap,
  initiativeSitemap,
  mapSitemap,
  librarySitemap,
  newsSitemap,
  newsletterSitemap,
  statsSitemap,
  openDataSitemap,
  callSitemap,
];

/** The sitemaps protocol allows 50,000 URLs per file: pages × 4 languages. */
export const PATHS_PER_FILE = Math.floor(50_000 / LANGS.length);

/** Every entry of every source, one per path (the first source to name a path wins), in a stable order. */
export async function sitemapEntries(db: Kysely<DB>, sources: SitemapSource[] = SITEMAP_SOURCES): Promise<SitemapEntry[]> {
  const lists = await Promise.all(sources.map((source) => source(db)));
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  for (const entry of lists.flat()) {
    if (seen.has(entry.path)) continue;
    seen.add(entry.path);
    entries.push(entry);
  }
  return entries;
}

/** XML text and attribute escaping (the five predefined entities). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A path made safe for a URL: each segment percent-encoded once (slugs are already plain ASCII). */
function urlOf(baseUrl: string, lang: string, path: string): string {
  const encoded = path.split('/').map((segment) => encodeURIComponent(decodeURIComponentSafe(segment))).join('/');
  return `${baseUrl}/${lang}${encoded}`;
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function lastmod(updated: SitemapEntry['updated']): string | null {
  if (!updated) return null;
  const date = updated instanceof Date ? updated : new Date(updated);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One `<urlset>`: for each entry, one `<url>` per language, each listing all four languages and x-default. */
export function urlsetXml(baseUrl: string, entries: SitemapEntry[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const entry of entries) {
    const urls = LANGS.map((lang) => escapeXml(urlOf(baseUrl, lang, entry.path)));
    const alternates = [
      ...LANGS.map((lang, i) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${urls[i]}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${urls[0]}"/>`,
    ].join('');
    const modified = lastmod(entry.updated);
    for (const url of urls) out.push(`<url><loc>${url}</loc>${modified ? `<lastmod>${modified}</lastmod>` : ''}${alternates}</url>`);
  }
  out.push('</urlset>');
  return `${out.join('\n')}\n`;
}

/** A `<sitemapindex>` of `/sitemap.xml?page=1…n`, for when the pages do not fit in one file. */
export function indexXml(baseUrl: string, pages: number): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (let page = 1; page <= pages; page++) out.push(`<sitemap><loc>${escapeXml(`${baseUrl}/sitemap.xml?page=${page}`)}</loc></sitemap>`);
  out.push('</sitemapindex>');
  return `${out.join('\n')}\n`;
}
