import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Join links and mailings (migration 0220), added to the Kysely schema here rather than in db/types.ts.
export interface ActivityJoinLinksTable {
  activity_id: number;
  url: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ActivityMailingsTable {
  id: Generated<number>;
  activity_id: number;
  audience: 'confirmed' | 'waiting' | 'all';
  subject: string;
  body: string;
  with_join_link: Generated<boolean>;
  recipients: number;
  sent_by: number | null;
  created_at: Timestamp;
}

declare module '../db/types.ts' {
  interface DB {
    activity_join_links: ActivityJoinLinksTable;
    activity_mailings: ActivityMailingsTable;
  }
}
