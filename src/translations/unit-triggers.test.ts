import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/**
 * The plans of every statement the triggers run while `statement` runs, from auto_explain at the
 * client's notice level, with sequential scans priced out: a lookup that no index can serve shows
 * as a Seq Scan even so.
 */
async function nestedPlans(statement: string): Promise<string[]> {
  const client = await database.pool.connect();
  const plans: string[] = [];
  const collect = (notice: { message?: string }) => plans.push(notice.message ?? '');
  client.on('notice', collect);
  try {
    await client.query('BEGIN');
    await client.query(`LOAD 'auto_explain'`);
    for (const setting of ['auto_explain.log_min_duration = 0', 'auto_explain.log_nested_statements = on', 'auto_explain.log_level = notice', 'enable_seqscan = off']) {
      await client.query(`SET LOCAL ${setting}`);
    }
    await client.query(statement);
    return plans;
  } finally {
    await client.query('ROLLBACK');
    client.off('notice', collect);
    client.release();
  }
}

describe('the translation units kept by triggers', () => {
  // Found at 50,000 initiatives: 13 ms a row written, growing with the tables, because the table's
  // name compared with the "C" collation of TG_TABLE_NAME and no index on `tbl` could serve it.
  it('find the units and sources of a row written through their indexes, not by reading the tables', async () => {
    const plans = await nestedPlans(`UPDATE initiatives SET title = jsonb_build_object('en', jsonb_build_object('text', 'Renamed ' || id, 'status', 'original', 'updatedAt', '2026-12-04T00:00:00Z')), summary = NULL WHERE id = (SELECT min(id) FROM initiatives)`);
    const nested = plans.filter((plan) => /translation_(units|sources)/.test(plan));
    expect(nested.length).toBeGreaterThan(3);
    expect(nested.filter((plan) => /Seq Scan on translation_(units|sources)/.test(plan))).toEqual([]);
  });

  it('remove the units of a deleted row through their index', async () => {
    const plans = await nestedPlans('DELETE FROM initiatives WHERE id = (SELECT min(id) FROM initiatives)');
    expect(plans.some((plan) => /Delete on translation_units/.test(plan))).toBe(true);
    expect(plans.filter((plan) => /Seq Scan on translation_units/.test(plan))).toEqual([]);
  });
});
