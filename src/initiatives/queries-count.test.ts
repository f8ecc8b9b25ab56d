import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import { queryCounter } from '../../test/query-counter.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/types.ts';
import { cleanFilters, initiativeArchive, initiativeRows } from './domain.ts';

let database: Database;
let counted: Kysely<DB>;
let count: ReturnType<typeof queryCounter>['count'];
beforeAll(async () => {
  database = await createTestDatabase();
  ({ db: counted, count } = queryCounter(database));
});
afterAll(() => database.close());

describe('the initiatives listing', () => {
  it('runs the same number of queries for 1 item as for many (no query per item)', async () => {
    const filters = cleanFilters({});
    // The first page also reads the archive's index (a few queries, whatever the number of initiatives).
    const first = await count(() => initiativeArchive(counted, filters, { limit: 1, offset: 0 }));
    const one = await count(async () => expect((await initiativeArchive(counted, filters, { limit: 1, offset: 0 })).rows).toHaveLength(1));
    const many = await count(async () => expect((await initiativeArchive(counted, filters, { limit: 100, offset: 0 })).rows).toHaveLength(100));
    expect(one).toBeGreaterThan(0);
    expect(many).toBe(one);
    expect(first).toBeLessThanOrEqual(one + 5);
    // A text query adds two: compiling it for the site search's index (stems, glossary terms), then its matches.
    const filtered = cleanFilters({ country: ['ES'], theme: ['finance'], q: 'coop' });
    expect(await count(() => initiativeArchive(counted, filtered, { limit: 100, offset: 0 }))).toBe(one + 2);
    expect(await count(() => initiativeArchive(counted, filtered, { limit: 1, offset: 0 }))).toBe(one + 2);
    const rowsOne = await count(() => initiativeRows(counted, filters, { limit: 1, offset: 0 }));
    expect(await count(() => initiativeRows(counted, filters, { limit: 1000, offset: 0 }))).toBe(rowsOne);
  });
});
