import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

type Counted = { key: string | null; count: string };
const counts = (rows: Counted[]) => rows.map((row) => ({ key: row.key ?? '—', count: Number(row.count) }));

/** The back-office detail: applications by status (the funnel), members by fee status, registrations by status and attendance. */
export async function backOfficeFigures(db: Kysely<DB>) {
  const [funnel, fees, registrations] = await Promise.all([
    sql<Counted>`SELECT status AS key, count(*) AS count FROM membership_applications GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db),
    sql<Counted>`SELECT fee_status AS key, count(*) AS count FROM members WHERE kind NOT IN ('partner', 'honorary') GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db),
    sql<Counted>`SELECT status || CASE WHEN attended IS TRUE THEN ':attended' WHEN attended IS FALSE THEN ':absent' ELSE '' END AS key, count(*) AS count
      FROM registrations GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db),
  ]);
  return { funnel: counts(funnel.rows), fees: counts(fees.rows), registrations: counts(registrations.rows) };
}
