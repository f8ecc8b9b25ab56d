import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReviewedCall } from '../../../bench/synthetic/calls-review.ts';
import { createTestApp, createUser, signIn, type TestApp, type Visitor } from '../../../test/helpers.ts';

/** The reviewer's list and review page cost the same number of queries for 1 submission as for 600. */
let t: TestApp;
let reviewer: Visitor;
const calls: Record<'one' | 'many', { submissionIds: number[] }> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  const ids = [
    await createUser(t.app, 'measured@review.test', ['call_reviewer']),
    await createUser(t.app, 'second@review.test', ['call_reviewer']),
    await createUser(t.app, 'third@review.test', ['call_reviewer']),
  ];
  calls.one = await seedReviewedCall(t.app.ctx.db, { slug: 'count-one', submissions: 1, reviewerIds: ids });
  calls.many = await seedReviewedCall(t.app.ctx.db, { slug: 'count-many', submissions: 600, reviewerIds: ids });
  reviewer = await signIn(t.app, 'measured@review.test');
}, 60_000);
afterAll(() => t?.close());

async function queriesOf(url: string): Promise<number> {
  const original = pg.Client.prototype.query;
  let queries = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    // Only the page's own queries: the job queue's background ones may land meanwhile.
    const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string } | undefined)?.text ?? '');
    if (!/pgboss|^\s*(LISTEN|UNLISTEN|NOTIFY)|pg_notify/i.test(text)) queries++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const response = await reviewer.get(url);
    expect(response.statusCode, url).toBe(200);
  } finally {
    pg.Client.prototype.query = original;
  }
  return queries;
}

describe('the review pages\' query count', () => {
  it('is the same for a call of 1 submission and one of 600 (3 reviews each)', async () => {
    const list = await queriesOf('/en/reviews/count-one');
    expect(list).toBeGreaterThan(0);
    expect(await queriesOf('/en/reviews/count-many')).toBe(list);
    // Reviewed by the measured reviewer: others' reviews and the summary are shown.
    const reviewed = await queriesOf(`/en/reviews/count-one/${calls.one.submissionIds[0]}`);
    expect(await queriesOf(`/en/reviews/count-many/${calls.many.submissionIds[0]}`)).toBe(reviewed);
    // Not reviewed yet: others' reviews hidden (after_own), fewer queries, still the same for both sizes.
    const open = await queriesOf(`/en/reviews/count-many/${calls.many.submissionIds.at(-1)}`);
    expect(open).toBeLessThan(reviewed);
    expect(await queriesOf('/en/reviews')).toBe(await queriesOf('/en/reviews'));
  });
});
