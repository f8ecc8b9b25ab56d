import type { ColumnType, Generated } from 'kysely';

/**
 * The fee tables (migration 0140), merged into the app's DB interface here rather than in
 * db/types.ts so that the fees module keeps its shape in one place.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = ColumnType<string, string, string>;
/** bigint: PostgreSQL gives it back as text. */
type Minor = ColumnType<string, number, number>;

export type FeeState = 'due' | 'paid' | 'waived' | 'overdue';
export type DocumentKind = 'invoice' | 'receipt';
export type MemberKind = 'local_government' | 'sse_network' | 'other_organisation' | 'honorary' | 'partner';

export interface FeeSchedulesTable {
  id: Generated<number>;
  member_kind: MemberKind;
  region: string | null;
  from_year: number;
  to_year: number | null;
  amount_minor: Minor;
  currency: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface FeesTable {
  id: Generated<number>;
  member_id: number;
  year: number;
  schedule_id: number | null;
  amount_minor: Minor;
  currency: string;
  due_on: Day;
  state: ColumnType<FeeState, FeeState | undefined, FeeState>;
  paid_on: ColumnType<string | null, string | null | undefined, string | null>;
  payment_reference: string | null;
  waived_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FeeDocumentCountersTable {
  kind: DocumentKind;
  year: number;
  last_number: number;
}

export interface FeeDocumentsTable {
  id: Generated<number>;
  fee_id: number;
  kind: DocumentKind;
  year: number;
  number: number;
  lang: 'en' | 'fr' | 'es' | 'ko';
  file_key: string | null;
  issued_by: number | null;
  issued_at: Timestamp;
}

export interface FeeRemindersTable {
  fee_id: number;
  stage: 'before' | 'after';
  sent_at: Timestamp;
}

declare module '../../db/types.ts' {
  interface DB {
    fee_schedules: FeeSchedulesTable;
    fees: FeesTable;
    fee_document_counters: FeeDocumentCountersTable;
    fee_documents: FeeDocumentsTable;
    fee_reminders: FeeRemindersTable;
  }
}
