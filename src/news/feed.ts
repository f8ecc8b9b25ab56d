import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { translator, type Lang } from '../i18n/i18n.ts';
import { pick } from '../i18n/translatable.ts';
import { recentDocuments } from '../search/recent.ts';
import { acceptedNews } from './domain.ts';
import { callFeedEntries } from '../calls/public/domain.ts';

/**
 * `/{lang}/feed.xml`: an Atom 1.0 feed (RFC 4287) of accepted news and announcements, with the newest
 * content from the other modules (through the search index, which every module keeps current).
 */
export interface FeedEntry {
  id: string;
  title: string;
  titleLang: string;
  summary: string;
  summaryLang: string;
  url: string;
  updated: Date;
  published?: Date;
  category: string;
}

const MAX_ENTRIES = 50;

export async function feedEntries(db: Kysely<DB>, lang: Lang, baseUrl: string): Promise<FeedEntry[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const t = translator(lang);
  const [news, recent, calls] = await Promise.all([
    acceptedNews(db, { limit: 30 }),
    recentDocuments(db, { lang, limit: 40 }),
    callFeedEntries(db, lang, base, t('calls.public.feed_kind')),
  ]);
  const entries: FeedEntry[] = news.map((item) => {
    const title = pick(item.title, lang);
    const summary = pick(item.summary, lang);
    const url = `${base}/${lang}/news/${item.slug}`;
    return {
      id: url,
      title: title?.text ?? item.slug,
      titleLang: title?.lang ?? lang,
      summary: summary?.text ?? '',
      summaryLang: summary?.lang ?? lang,
      url,
      updated: item.updated_at > item.published_at ? item.updated_at : item.published_at,
      published: item.published_at,
      category: t(item.kind === 'announcement' ? 'news.kind.announcement' : 'news.kind.news'),
    };
  });
  for (const document of recent) {
    if (document.kind === 'news') continue;
    const url = `${base}/${lang}${document.path}`;
    entries.push({ id: url, title: document.title, titleLang: document.titleLang, summary: document.summary, summaryLang: document.titleLang, url, updated: document.updatedAt, category: t(`news.feed_kind.${document.kind}`) });
  }
  // An open call is news while it is open: it is listed whatever its age.
  entries.push(...calls);
  return entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, MAX_ENTRIES);
}

/** Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/FFFF) are dropped. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function atomFeed({ lang, baseUrl, entries }: { lang: Lang; baseUrl: string; entries: FeedEntry[] }): string {
  const t = translator(lang);
  const base = baseUrl.replace(/\/+$/, '');
  const self = `${base}/${lang}/feed.xml`;
  // An empty feed still needs a stable <updated>: the start of the network's archive will do.
  const updated = entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date('2013-11-01T00:00:00Z'));
  const langAttr = (entryLang: string) => (entryLang === lang ? '' : ` xml:lang="${xmlEscape(entryLang)}"`);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${xmlEscape(self)}</id>`,
    `  <title>${xmlEscape(t('news.feed_title'))}</title>`,
    `  <subtitle>${xmlEscape(t('news.feed_subtitle'))}</subtitle>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${base}/${lang}/news`)}"/>`,
    `  <author><name>${xmlEscape(t('site.name'))}</name><uri>${xmlEscape(`${base}/${lang}/`)}</uri></author>`,
  ];
  for (const entry of entries) {
    lines.push(
      '  <entry>',
      `    <id>${xmlEscape(entry.id)}</id>`,
      `    <title type="text"${langAttr(entry.titleLang)}>${xmlEscape(entry.title)}</title>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
      ...(entry.published ? [`    <published>${entry.published.toISOString()}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${xmlEscape(entry.url)}"/>`,
      `    <category term="${xmlEscape(entry.category)}"/>`,
      ...(entry.summary ? [`    <summary type="text"${langAttr(entry.summaryLang)}>${xmlEscape(entry.summary)}</summary>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}
