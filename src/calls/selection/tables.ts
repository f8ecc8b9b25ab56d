import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// The selection's tables (migration 0920), added to the Kysely schema here rather than in
// db/types.ts, which every module edits.
export type Dimension = 'region' | 'country' | 'theme' | 'language';
export type Decision = 'accepted' | 'waitlisted' | 'rejected';
export type NotificationStage = 'pending' | 'sending' | 'sent' | 'unconfirmed';

export interface CallTargetsTable {
  call_id: number;
  dimension: Dimension;
  value: string;
  target: number;
}

export interface CallMailTemplatesTable {
  call_id: number;
  lang: string;
  decision: Decision;
  subject: string;
  body: string;
  updated_at: Generated<Date>;
}

export interface CallNotificationsTable {
  submission_id: number;
  call_id: number;
  lang: string;
  decision: Decision;
  to_address: string;
  subject: string;
  body: string;
  message_id: string;
  stage: Generated<NotificationStage>;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Generated<Date>;
}

declare module '../../db/types.ts' {
  interface DB {
    call_targets: CallTargetsTable;
    call_mail_templates: CallMailTemplatesTable;
    call_notifications: CallNotificationsTable;
  }
  interface ProgrammeWorkshopsTable {
    room: string | null;
    moderators: Generated<string[]>;
    partner: string | null;
  }
}
