import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { addUser, startSession } from '../../src/auth/accounts.ts';
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/database.ts';
import { hashToken } from '../../src/auth/tokens.ts';
import type { DB } from '../../src/db/types.ts';
import { LANGS } from '../../src/i18n/langs.ts';
import { original } from '../../src/i18n/translatable.ts';
import { weightedTotal } from '../../src/calls/scores.ts';

/**
 * A call under review, as the issue sizes it: `submissions` submitted submissions, every one
 * assigned to each of `reviewerIds` and reviewed by all of them — except the first reviewer (the one
 * measured), who has reviewed only the first half (rounded up). Three weighted categories, an open phase that
 * shows others' reviews after one's own. Deterministic (numbered texts), so runs compare.
 * Shared by bench/calls-review.ts and the review's query-count test.
 */
export async function seedReviewedCall(db: Kysely<DB>, options: { slug: string; submissions: number; reviewerIds: number[] }) {
  const { slug, submissions, reviewerIds } = options;
  const day = 24 * 3600 * 1000;
  const { id: callId } = await db.insertInto('calls').values({
    slug, event_slug: slug, title: JSON.stringify(original('en', `Call ${slug}`)), state: 'in_review',
    opens_at: new Date(Date.now() - 60 * day), closes_at: new Date(Date.now() - 30 * day),
  }).returning('id').executeTakeFirstOrThrow();
  const categories = await db.insertInto('call_score_categories').values([1, 2, 3].map((position) => ({
    call_id: callId, position, label: JSON.stringify(original('en', `Category ${position}`)), weight: position === 1 ? 2 : 1, required: position < 3, min_score: 0, max_score: 5,
  }))).returning(['id', 'weight']).execute();
  await db.insertInto('call_review_phases').values({ call_id: callId, name: 'Reading', opens_at: new Date(Date.now() - day), closes_at: new Date(Date.now() + 30 * day), others_reviews: 'after_own' }).execute();
  await db.insertInto('call_reviewers').values(reviewerIds.map((user_id) => ({ call_id: callId, user_id, languages: [...LANGS], cap: submissions }))).execute();
  const ids: number[] = [];
  for (let start = 0; start < submissions; start += 500) {
    const rows = Array.from({ length: Math.min(500, submissions - start) }, (_, i) => {
      const n = start + i + 1;
      const lang = LANGS[n % 4]!;
      return {
        call_id: callId, token_hash: hashToken(crypto.randomBytes(16).toString('hex')), state: 'submitted' as const, lang, source_lang: lang,
        email: `submitter-${n}@bench.example`, title: JSON.stringify(original(lang, `Initiative ${n} for the social economy`)),
        summary: JSON.stringify(original(lang, `Summary of initiative ${n}: a cooperative, its members and its city. `.repeat(8))),
        organisation_name: `Organisation ${n}`, city: `City ${n % 97}`, country: 'ES', region: 'europe' as const,
        presenters: JSON.stringify([{ name: `Presenter ${n}`, role: 'Coordinator', organisation: `Organisation ${n}` }]), submitted_at: new Date(),
      };
    });
    ids.push(...(await db.insertInto('submissions').values(rows).returning('id').execute()).map((r) => r.id));
  }
  for (const [index, reviewerId] of reviewerIds.entries()) {
    await db.insertInto('review_assignments').values(ids.map((submission_id) => ({ call_id: callId, submission_id, reviewer_id: reviewerId, automatic: true }))).execute();
    const reviewed = index === 0 ? ids.slice(0, Math.ceil(ids.length / 2)) : ids;
    for (let start = 0; start < reviewed.length; start += 500) {
      await db.insertInto('reviews').values(reviewed.slice(start, start + 500).map((submission_id) => {
        const scores = Object.fromEntries(categories.map((c, k) => [String(c.id), (submission_id + index + k) % 6]));
        return { submission_id, reviewer_id: reviewerId, scores: JSON.stringify(scores), total: weightedTotal(scores, categories), comment: `Review by ${index + 1}`, proposed_decision: 'accepted' as const, submitted_at: new Date() };
      })).execute();
    }
  }
  return { callId, submissionIds: ids };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/**
 * The reviewer's list and review page of a call of 600 submissions × 3 reviews, through the whole
 * app (routing, session, guard, queries, rendering) with app.inject — every answer is rendered anew:
 * a signed-in page with a form is never cached. Issue 12's goal: p95 under 50 ms.
 */
export async function measureCallsReview(url: string, submissions = 600): Promise<string> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-review-bench-'));
  const database = connect(url, 4);
  const app = await buildApp({ config: loadConfig({}, { dataDir, logLevel: 'silent', runWorkers: false, baseUrl: 'http://bench.test' }), database });
  try {
    await app.ready();
    const db = database.db;
    const reviewerIds: number[] = [];
    for (const n of [1, 2, 3]) reviewerIds.push(await addUser(db, { email: `bench-reviewer-${n}@bench.test`, name: `Reviewer ${n}`, roles: ['call_reviewer'], lang: 'en', password: '' }, null));
    const { submissionIds } = await seedReviewedCall(db, { slug: 'bench-review', submissions, reviewerIds });
    await sql`ANALYZE`.execute(db);
    const cookie = `sid=${await startSession(db, reviewerIds[0]!, 'password')}`;
    const time = async (paths: string[], runs: number) => {
      const times: number[] = [];
      for (let i = 0; i < runs + 20; i++) {
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url: paths[i % paths.length]!, headers: { cookie } });
        if (response.statusCode !== 200) throw new Error(`${paths[i % paths.length]} answered ${response.statusCode}`);
        // The first 20 warm the code paths (JIT, prepared plans), as a running server has.
        if (i >= 20) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      return `p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`;
    };
    // Review pages of reviewed submissions (others' reviews and summary shown) and of open ones, in four languages.
    const pages = submissionIds.filter((_, i) => i % 7 === 0).map((id, i) => `/${['en', 'fr', 'es', 'ko'][i % 4]}/reviews/bench-review/${id}`);
    return [
      // The floor on this machine: a signed-in page with one small query of its own.
      `calls review, reviewer's home (floor): ${await time(['/en/reviews'], 200)}`,
      `calls review, reviewer's list (${submissions} assigned, 100 a page): ${await time(['/en/reviews/bench-review', '/fr/reviews/bench-review'], 200)} (goal p95 < 50)`,
      `calls review, review page (${submissions} × 3 reviews): ${await time(pages, 300)} (goal p95 < 50)`,
    ].join('\n');
  } finally {
    await app.close();
    await database.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
