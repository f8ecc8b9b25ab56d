import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { SCHEDULES } from '../jobs/schedules.ts';
import { COMPACT_COUNTS_JOB, compactUnitCounts, countsByLang, FOLD_AFTER } from './queue/queries.ts';

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

describe('the translation counts', () => {
  /** Per module, language and state: the counts as summed from their deltas, and the units themselves. */
  const counted = async () => (await sql<{ key: string; n: number }>`SELECT module || ' ' || lang || ' ' || state AS key, sum(n)::int AS n
    FROM translation_unit_counts GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`.execute(database.db)).rows;
  const actual = async () => (await sql<{ key: string; n: number }>`SELECT module || ' ' || lang || ' ' || state AS key, count(*)::int AS n
    FROM translation_units GROUP BY 1 ORDER BY 1`.execute(database.db)).rows;
  const rows = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM translation_unit_counts`.execute(database.db)).rows[0]!.n);

  // Many units written by one statement once made the same few count rows be updated thousands of
  // times in one transaction (quadratic: 49,000 initiatives deleted ran over 8 minutes).
  it('stay exact through statements writing many units, and fold into one row per key', async () => {
    await sql`UPDATE initiatives SET title = title || jsonb_build_object('ko', jsonb_build_object('text', '번역 ' || id, 'status', 'human', 'updatedAt', '2026-12-04T00:00:00Z')) WHERE id % 3 = 0`.execute(database.db);
    await sql`DELETE FROM initiatives WHERE id % 5 = 0`.execute(database.db);
    expect(await counted()).toEqual(await actual());
    const before = await rows();
    expect(await compactUnitCounts(database.db)).toBeGreaterThan(0);
    expect(await rows()).toBeLessThan(before);
    expect(await rows()).toBe((await actual()).length);
    expect(await counted()).toEqual(await actual());
    expect(await compactUnitCounts(database.db)).toBe(0);
  });

  it('are folded by the reader that finds many deltas, as after a bulk import', async () => {
    await compactUnitCounts(database.db);
    await sql`INSERT INTO translation_units (tbl, row_key, col, lang, module, state, source_lang, source_hash, since)
      SELECT 'bulk_units', i::text, 'title', 'fr', 'initiatives', 'missing', 'en', 'hash', now() FROM generate_series(1, ${FOLD_AFTER + 1}) AS i`.execute(database.db);
    try {
      expect(await rows()).toBeGreaterThan(FOLD_AFTER);
      const counts = await countsByLang(database.db);
      expect(await rows()).toBe((await actual()).length);
      expect(counts.fr!.missing).toBe((await actual()).filter((row) => row.key.endsWith(' fr missing')).reduce((sum, row) => sum + row.n, 0));
    } finally {
      await sql`DELETE FROM translation_units WHERE tbl = 'bulk_units'`.execute(database.db);
    }
    expect(await counted()).toEqual(await actual());
  });

  it('are folded on a schedule', () => {
    expect(SCHEDULES.map((schedule) => schedule.name)).toContain(COMPACT_COUNTS_JOB);
  });
});
