import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../test/helpers.ts';
import { insertCall, insertSubmission } from '../../test/calls-fixtures.ts';
import { original } from '../i18n/translatable.ts';
import { reviewSummaries, weightedTotal } from './scores.ts';

describe('review summaries', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('weights the scores of the categories given', () => {
    expect(weightedTotal({ 1: 4, 2: 2 }, [{ id: 1, weight: 3 }, { id: 2, weight: 1 }])).toBe(3.5);
    expect(weightedTotal({}, [{ id: 1, weight: 1 }])).toBeNull();
  });

  it('counts submitted reviews only and flags totals far apart', async () => {
    const db = t.database.db;
    const callId = await insertCall(db, { slug: 'scores-call' });
    await db.insertInto('call_score_categories').values({ call_id: callId, position: 1, label: JSON.stringify(original('en', 'Impact')), min_score: 0, max_score: 5 }).execute();
    const agreed = await insertSubmission(db, callId);
    const split = await insertSubmission(db, callId);
    const [first, second, third] = await Promise.all([1, 2, 3].map((n) => createUser(t.app, `scores-${n}@example.org`, ['call_reviewer']))) as [number, number, number];
    const review = (submission: number, reviewer: number, total: number, submitted = true) => db.insertInto('reviews')
      .values({ submission_id: submission, reviewer_id: reviewer, total, submitted_at: submitted ? new Date() : null }).execute();
    await review(agreed.id, first, 4);
    await review(agreed.id, second, 3.5);
    await review(agreed.id, third, 0, false);
    await review(split.id, first, 5);
    await review(split.id, second, 1);
    await review(split.id, third, 2);
    const summaries = await reviewSummaries(db, callId);
    expect(summaries.get(agreed.id)).toEqual({ count: 2, mean: 3.75, median: 3.75, disagree: false });
    expect(summaries.get(split.id)).toMatchObject({ count: 3, median: 2, disagree: true });
    expect(summaries.get(split.id)?.mean).toBeCloseTo(8 / 3);
  });
});
