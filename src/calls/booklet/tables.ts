import type { ColumnType, Generated } from 'kysely';
import type { Translatable } from '../../i18n/translatable.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

// The booklet's tables (migration 0930), added to the Kysely schema here rather than in
// db/types.ts, which every module edits.
export interface BookletsTable {
  event_slug: string;
  front_matter: Json<Translatable> | null;
  partners: Generated<string[]>;
  updated_at: Timestamp;
}

export type BookletFileState = 'queued' | 'running' | 'ready' | 'failed';

export interface BookletFilesTable {
  event_slug: string;
  lang: string;
  content_hash: string;
  state: Generated<BookletFileState>;
  progress: Generated<number>;
  file_key: string | null;
  byte_size: number | null;
  page_count: number | null;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../db/types.ts' {
  interface DB {
    booklets: BookletsTable;
    booklet_files: BookletFilesTable;
  }
}
