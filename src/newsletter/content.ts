import type { Kysely } from 'kysely';
import { datesInWords } from '../activities/dates.ts';
import { placeInWords, upcomingEvents } from '../activities/domain.ts';
import type { DB } from '../db/types.ts';
import { translator, type Lang } from '../i18n/i18n.ts';
import { pick, type Translatable } from '../i18n/translatable.ts';
import { memberProfile } from '../members/domain.ts';
import { acceptedNews, newsImageUrl, newsUrl } from '../news/domain.ts';
import { openCalls } from '../calls/public/domain.ts';
import { callPath } from '../calls/public/paths.ts';
import { dateInZone } from '../calls/admin/model.ts';
import { countryName } from '../places/countries.ts';
import type { Edition, Issue, Section } from './issues.ts';
import type { SectionKind } from './tables.ts';

/**
 * An issue as read in one language: every text resolved, each with the language it is really in
 * (a news item without a translation shows its original, marked with its own `lang`). The mail,
 * the preview and the web version are all drawn from this one shape.
 */
export interface LocalText {
  text: string;
  lang: Lang;
}

export interface ContentItem {
  title: LocalText;
  summary: LocalText | null;
  url: string;
  /** Extra line under the title: dates and place of an event. */
  meta?: string;
  image?: { src: string; alt: LocalText };
}

export interface ContentSection {
  kind: SectionKind;
  title: LocalText;
  paragraphs: LocalText[];
  items: ContentItem[];
}

export interface IssueContent {
  lang: Lang;
  slug: string;
  number: number;
  issueDate: string;
  subject: string;
  intro: LocalText[];
  sections: ContentSection[];
  /** Absolute address of the web version in this language. */
  webUrl: string;
}

const local = (field: Translatable | null | undefined, lang: Lang): LocalText | null => {
  const picked = pick(field, lang);
  return picked ? { text: picked.text, lang: picked.lang } : null;
};

export const paragraphs = (text: string, lang: Lang): LocalText[] =>
  text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).map((p) => ({ text: p, lang }));

/** Builds the content of `issue` in `lang` from its edition and sections (calendar, directory, news). */
export async function issueContent(db: Kysely<DB>, baseUrl: string, detail: { issue: Issue; editions: Edition[]; sections: Section[] }, lang: Lang): Promise<IssueContent> {
  const { issue } = detail;
  const t = translator(lang);
  const edition = detail.editions.find((e) => e.lang === lang);
  const source = detail.editions.find((e) => e.lang === issue.source_lang);
  const subject = edition?.subject || source?.subject || t('newsletter.issue_title', { number: issue.number });
  const intro = edition?.intro ? paragraphs(edition.intro, lang) : source?.intro ? paragraphs(source.intro, issue.source_lang) : [];
  const sections: ContentSection[] = [];
  for (const section of detail.sections) {
    const own = section.texts[lang];
    const fallback = section.texts[issue.source_lang];
    const written = own?.title || own?.body ? { ...own, lang } : fallback ? { ...fallback, lang: issue.source_lang } : null;
    const title: LocalText = written?.title ? { text: written.title, lang: written.lang } : { text: t(`newsletter.section.${section.kind}`), lang };
    const body = written?.body ? paragraphs(written.body, written.lang) : [];
    const items = await sectionItems(db, baseUrl, issue, section, lang);
    if (section.kind === 'text' && body.length === 0) continue;
    sections.push({ kind: section.kind, title, paragraphs: body, items });
  }
  return { lang, slug: issue.slug, number: issue.number, issueDate: issue.issue_date, subject, intro, sections, webUrl: `${baseUrl}/${lang}/newsletter/${issue.slug}` };
}

async function sectionItems(db: Kysely<DB>, baseUrl: string, issue: Issue, section: Section, lang: Lang): Promise<ContentItem[]> {
  const t = translator(lang);
  if (section.kind === 'events') {
    const rows = await upcomingEvents(db, issue.issue_date, issue.events_count);
    return rows.map((row) => ({
      title: local(row.title, lang) ?? { text: row.slug, lang },
      summary: local(row.summary, lang),
      url: `${baseUrl}/${lang}/activities/${row.slug}`,
      meta: [datesInWords(t, row), placeInWords(row, lang)].filter(Boolean).join(' · '),
    }));
  }
  if (section.kind === 'calls') {
    // The calls open or announced on the issue's date (end of that day, UTC), whatever day it is sent.
    const at = new Date(`${issue.issue_date}T23:59:59Z`);
    const rows = await openCalls(db, at);
    return rows.map((row) => ({
      title: local(row.title, lang) ?? { text: row.slug, lang },
      summary: null,
      url: `${baseUrl}${callPath(lang, row.slug)}`,
      meta: row.opens_at && row.opens_at > at ? t('calls.public.opens_on', { date: dateInZone(row.opens_at, row.time_zone, lang) })
        : row.closes_at ? t('calls.public.closes_on', { date: dateInZone(row.closes_at, row.time_zone, lang) }) : undefined,
    }));
  }
  if (section.kind === 'member' && section.member_slug) {
    const profile = await memberProfile(db, section.member_slug, false);
    if (!profile) return [];
    const m = profile.member;
    return [{
      title: local(m.name, lang) ?? { text: m.slug, lang },
      summary: local(m.description, lang),
      url: `${baseUrl}/${lang}/members/${m.slug}`,
      meta: [m.city, m.country ? countryName(m.country, lang) : ''].filter(Boolean).join(', '),
    }];
  }
  if ((section.kind === 'news' || section.kind === 'important') && section.news_ids.length > 0) {
    const rows = await acceptedNews(db, { ids: section.news_ids });
    const order = new Map(section.news_ids.map((id, index) => [id, index]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return rows.map((row) => ({
      title: local(row.title, lang) ?? { text: row.slug, lang },
      summary: local(row.summary, lang),
      url: `${baseUrl}${newsUrl(lang, row.slug)}`,
      ...(row.image_key ? { image: { src: `${baseUrl}${newsImageUrl(row.slug)}`, alt: local(row.image_alt, lang) ?? { text: '', lang } } } : {}),
    }));
  }
  return [];
}
