import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import type { Translatable } from '../i18n/translatable.ts';
import type { SearchDocument, SearchSource } from '../search/types.ts';
import type { SectionTexts } from './tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;

const text = (value: string): Translatable[Lang] => ({ text: value, status: 'original', updatedAt: '' });

/**
 * Sent newsletter issues, as their web version reads: in each language whose edition was ready, the
 * subject, the introduction and the written sections. Drafts and scheduled issues are not loaded,
 * so they never reach the index (the archive shows sent issues only).
 */
export const newsletterSearchSource: SearchSource = {
  kind: 'newsletter',
  async load(db: Executor, ids?: number[]): Promise<SearchDocument[]> {
    let query = db.selectFrom('newsletter_issues').select(['id', 'slug', 'issue_date']).where('status', '=', 'sent');
    if (ids) query = query.where('id', 'in', ids.length ? ids : [0]);
    const issues = await query.execute();
    if (!issues.length) return [];
    const issueIds = issues.map((issue) => issue.id);
    const [editions, sections] = await Promise.all([
      db.selectFrom('newsletter_editions').select(['issue_id', 'lang', 'subject', 'intro']).where('issue_id', 'in', issueIds).where('status', '=', 'ready').execute(),
      db.selectFrom('newsletter_sections').select(['issue_id', 'texts']).where('issue_id', 'in', issueIds).orderBy('position').execute(),
    ]);
    return issues.map((issue): SearchDocument => {
      const own = editions.filter((edition) => edition.issue_id === issue.id);
      const title: Translatable = {};
      const summary: Translatable = {};
      for (const edition of own) {
        if (edition.subject) title[edition.lang] = text(edition.subject);
        if (edition.intro) summary[edition.lang] = text(edition.intro);
      }
      const ready = new Set(own.map((edition) => edition.lang));
      const bodies = sections.filter((section) => section.issue_id === issue.id).flatMap((section) =>
        Object.entries(section.texts as SectionTexts).filter(([lang]) => ready.has(lang as Lang))
          .map(([lang, entry]) => ({ lang: lang as Lang, text: [entry?.title, entry?.body].filter(Boolean).join('\n') })));
      return {
        kind: 'newsletter',
        sourceId: issue.id,
        slug: issue.slug,
        path: `/newsletter/${issue.slug}`,
        title,
        summary,
        bodies,
        names: [],
        date: issue.issue_date,
        region: null,
        themes: [],
        visibility: 'public',
      };
    });
  },
};
