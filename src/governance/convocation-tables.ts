import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Convocations and attendance (migration 0160), added to the Kysely schema here rather than in db/types.ts.
export interface MeetingConvocationsTable {
  meeting_id: number;
  email: string;
  mandate_id: number | null;
  sent_by: number | null;
  sent_at: Timestamp;
}

export interface MeetingAttendanceTable {
  meeting_id: number;
  mandate_id: number;
  status: 'present' | 'excused' | 'absent';
  recorded_by: number | null;
  recorded_at: Timestamp;
}

declare module '../db/types.ts' {
  interface DB {
    meeting_convocations: MeetingConvocationsTable;
    meeting_attendance: MeetingAttendanceTable;
  }
  interface PeopleTable {
    email: string | null;
    lang: Generated<string>;
  }
}
