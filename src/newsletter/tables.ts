import type { ColumnType, Generated } from 'kysely';
import type { Lang } from '../i18n/langs.ts';

/**
 * The Kysely view of the newsletter tables (migration 0510), merged into the shared `DB`
 * interface here so the shared types file needs no edit.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export const ISSUE_STATUSES = ['draft', 'scheduled', 'sending', 'sent'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const SECTION_KINDS = ['important', 'news', 'member', 'events', 'calls', 'text'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'cancelled';

/** Per-language title and body of a written section. */
export type SectionTexts = Partial<Record<Lang, { title: string; body: string }>>;

export interface NewsletterIssuesTable {
  id: Generated<number>;
  number: number;
  slug: string;
  issue_date: ColumnType<string, string, string>;
  source_lang: Lang;
  source_revision: Generated<number>;
  fallback_lang: Lang;
  events_count: Generated<number>;
  status: Generated<IssueStatus>;
  scheduled_at: Date | null;
  sent_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface NewsletterEditionsTable {
  issue_id: number;
  lang: Lang;
  status: 'draft' | 'ready' | 'skipped';
  subject: Generated<string>;
  intro: Generated<string>;
  based_on_revision: number;
  updated_at: Timestamp;
}

export interface NewsletterSectionsTable {
  id: Generated<number>;
  issue_id: number;
  position: number;
  kind: SectionKind;
  texts: Json<SectionTexts>;
  member_slug: string | null;
  news_ids: ColumnType<number[], number[] | undefined, number[]>;
}

export interface NewsletterDeliveriesTable {
  id: Generated<string>;
  issue_id: number;
  subscriber_id: number;
  email: string;
  lang: Lang;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  retry_after: Date | null;
  sending_at: Date | null;
  /** How far the SMTP exchange of a `sending` row got (migration 0520). */
  stage: 'claimed' | 'data_ended' | null;
  last_error: string | null;
  note: string | null;
  message_id: string;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

declare module '../db/types.ts' {
  interface DB {
    newsletter_issues: NewsletterIssuesTable;
    newsletter_editions: NewsletterEditionsTable;
    newsletter_sections: NewsletterSectionsTable;
    newsletter_deliveries: NewsletterDeliveriesTable;
  }
}
