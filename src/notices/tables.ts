import type { ColumnType, Generated } from 'kysely';
import type { Translatable } from '../i18n/translatable.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// The notices' tables (migration 0150), added to the Kysely schema here rather than in db/types.ts.
export interface StaffNoticeSettingsTable {
  user_id: number;
  event: string;
  delivery: 'off' | 'each' | 'digest';
}

export interface StaffNoticesTable {
  id: Generated<number>;
  event: string;
  subject: Generated<string>;
  /** The subject per language (a Translatable) where the thing named has translations (migration 0940). */
  subjects: ColumnType<Translatable | null, string | null | undefined, string | null>;
  path: string;
  created_at: Timestamp;
}

export interface StaffNoticeDigestsTable {
  user_id: number;
  through_id: number;
  sent_at: Timestamp;
}

declare module '../db/types.ts' {
  interface DB {
    staff_notice_settings: StaffNoticeSettingsTable;
    staff_notices: StaffNoticesTable;
    staff_notice_digests: StaffNoticeDigestsTable;
  }
}
