import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../src/db/database.ts';
import type { DB } from '../src/db/types.ts';

/**
 * A second Kysely over the database's pool that logs every query it runs, and `count(run)`: how many
 * queries `run` made through it. For the tests that check a page costs as many queries for 1 item as
 * for many.
 */
export function queryCounter(database: Database) {
  let queries = 0;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: database.pool }), log: (event) => { if (event.level === 'query') queries += 1; } });
  async function count(run: () => Promise<unknown>): Promise<number> {
    queries = 0;
    await run();
    return queries;
  }
  return { db, count };
}
