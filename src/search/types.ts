import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import type { Translatable } from '../i18n/translatable.ts';

/** What the one search lists. Each kind belongs to a module, which describes its rows as SearchDocuments. */
export const SEARCH_KINDS = ['member', 'activity', 'event', 'initiative', 'resource', 'news', 'person', 'meeting', 'newsletter'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One searchable item as its module describes it. The search module turns it into its own
 * per-language index rows; modules never touch the index tables themselves.
 */
export interface SearchDocument {
  kind: SearchKind;
  /** The row's id in its module's table; (kind, sourceId) identifies the document. */
  sourceId: number;
  slug: string;
  /** The page's path without the language prefix, e.g. `/library/annual-report-2019`. */
  path: string;
  title: Translatable;
  summary: Translatable;
  /** Longer text: a body, or the text extracted from files, each with the language it is written in. */
  bodies: { lang: Lang; text: string }[];
  /** Names that should be found despite a typo: organisations, people, places. */
  names: string[];
  /** A day that orders and dates the item (`YYYY-MM-DD`), when it has one. */
  date: string | null;
  /** World region slug (as `places/regions.ts` names them), when the item has a place. */
  region: string | null;
  /** Theme slugs (glossary concepts marked as themes). */
  themes: string[];
  /** `members`: only signed-in members and staff may see it, its snippet or its count. */
  visibility: 'public' | 'members';
}

type Executor = Kysely<DB> | Transaction<DB>;

/** A module's description of its searchable rows: all of them, or only the given ids. */
export interface SearchSource {
  kind: SearchKind;
  load(db: Executor, ids?: number[]): Promise<SearchDocument[]>;
}
