import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

type Counted = { key: string | null; count: string };
const counts = (rows: Counted[]) => rows.map((row) => ({ key: row.key ?? '—', count: Number(row.count) }));

/** Fees of one year in one state: how many, and what they add up to in each currency (minor units). */
export interface FeeFigure { year: number; state: string; count: number; amounts: { currency: string; minor: number }[] }

/** The back-office detail: applications by status (the funnel), fees by year and state with their amounts, registrations by status and attendance. */
export async function backOfficeFigures(db: Kysely<DB>) {
  const [funnel, fees, registrations] = await Promise.all([
    sql<Counted>`SELECT status AS key, count(*) AS count FROM membership_applications GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db),
    sql<{ year: number; state: string; currency: string; count: string; minor: string }>`
      SELECT year, state, currency, count(*) AS count, sum(amount_minor) AS minor
      FROM fees GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3`.execute(db),
    sql<Counted>`SELECT status || CASE WHEN attended IS TRUE THEN ':attended' WHEN attended IS FALSE THEN ':absent' ELSE '' END AS key, count(*) AS count
      FROM registrations GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db),
  ]);
  return { funnel: counts(funnel.rows), fees: feeFigures(fees.rows), registrations: counts(registrations.rows) };
}

function feeFigures(rows: { year: number; state: string; currency: string; count: string; minor: string }[]): FeeFigure[] {
  const figures: FeeFigure[] = [];
  for (const row of rows) {
    let figure = figures.at(-1);
    if (!figure || figure.year !== row.year || figure.state !== row.state) figures.push(figure = { year: row.year, state: row.state, count: 0, amounts: [] });
    figure.count += Number(row.count);
    figure.amounts.push({ currency: row.currency, minor: Number(row.minor) });
  }
  return figures;
}
