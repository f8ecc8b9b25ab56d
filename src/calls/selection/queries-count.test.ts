import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../auth/accounts.ts';
import { createTestDatabase } from '../../../test/helpers.ts';
import { queryCounter } from '../../../test/query-counter.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import { balancePanel, decideMany, rankedSelection } from './domain.ts';
import { parseFilters } from './filters.ts';
import { findCall } from './queries.ts';
import { seedSelectionCall } from './testing.ts';

let database: Database;
let counted: Kysely<DB>;
let count: ReturnType<typeof queryCounter>['count'];
beforeAll(async () => {
  database = await createTestDatabase();
  ({ db: counted, count } = queryCounter(database));
});
afterAll(() => database.close());

describe('the selection', () => {
  it('reads the ranked table and balance, and decides in bulk, in as many queries for 1 submission as for 120', async () => {
    const reviewers = await Promise.all([1, 2, 3].map((n) => addUser(database.db, { email: `count-reviewer-${n}@example.org`, name: `R${n}`, roles: ['call_reviewer'], lang: 'en', password: 'correct horse battery' }, null)));
    await seedSelectionCall(database.db, 'count-one', 1, reviewers);
    await seedSelectionCall(database.db, 'count-many', 120, reviewers);
    const one = (await findCall(database.db, 'count-one'))!;
    const many = (await findCall(database.db, 'count-many'))!;
    const filters = parseFilters({}, one.themes);
    const read = (call: typeof one, size: number) => count(async () => {
      expect(await rankedSelection(counted, call.id, filters)).toHaveLength(size);
      await balancePanel(counted, call);
    });
    expect((await rankedSelection(database.db, many.id, filters)).every((row) => row.summary?.count === 3)).toBe(true);
    const readOne = await read(one, 1);
    expect(readOne).toBeGreaterThan(0);
    expect(await read(many, 120)).toBe(readOne);
    const ctx = { db: counted, pageCache: { invalidate: async () => {} } } as unknown as Parameters<typeof decideMany>[0];
    const bulkOne = await count(async () => expect(await decideMany(ctx, reviewers[0]!, one, filters, 'accepted')).toBe(1));
    expect(await count(async () => expect(await decideMany(ctx, reviewers[0]!, many, filters, 'accepted')).toBe(120))).toBe(bulkOne);
  });
});
