import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../../test/helpers.ts';
import { insertCall, insertSubmission } from '../../../test/calls-fixtures.ts';
import { reviewSummaries } from '../scores.ts';

/** The review page asks reviewSummaries for one submission only: the filter keeps the figures the whole call gives. */
let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(() => t?.close());

describe('review summaries for chosen submissions', () => {
  it('gives the same summary for one submission as the whole call does, and nothing for an empty list', async () => {
    const db = t.app.ctx.db;
    const callId = await insertCall(db, { slug: 'summaries-filter' });
    const [first, second] = [(await insertSubmission(db, callId)).id, (await insertSubmission(db, callId)).id];
    const reviewers = [await createUser(t.app, 'sum1@r.test', ['call_reviewer']), await createUser(t.app, 'sum2@r.test', ['call_reviewer'])];
    await db.insertInto('reviews').values([
      { submission_id: first, reviewer_id: reviewers[0]!, total: 4, submitted_at: new Date() },
      { submission_id: first, reviewer_id: reviewers[1]!, total: 2, submitted_at: new Date() },
      { submission_id: second, reviewer_id: reviewers[0]!, total: 5, submitted_at: new Date() },
    ]).execute();
    const all = await reviewSummaries(db, callId);
    const one = await reviewSummaries(db, callId, [first]);
    expect([...one.keys()]).toEqual([first]);
    expect(one.get(first)).toEqual(all.get(first));
    expect(one.get(first)).toMatchObject({ count: 2, mean: 3, median: 3 });
    expect((await reviewSummaries(db, callId, [])).size).toBe(0);
  });
});
