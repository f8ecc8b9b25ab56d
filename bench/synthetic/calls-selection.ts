import type { Kysely } from 'kysely';
import { addUser } from '../../src/auth/accounts.ts';
import { balancePanel, decideMany, rankedSelection } from '../../src/calls/selection/domain.ts';
import { parseFilters } from '../../src/calls/selection/filters.ts';
import { findCall } from '../../src/calls/selection/queries.ts';
import { seedSelectionCall } from '../../src/calls/selection/testing.ts';
import type { DB } from '../../src/db/types.ts';
import type { PageCache } from '../../src/web/page-cache.ts';

const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.ceil(times.length * 0.95) - 1]!;

/**
 * The selection of a call with 600 submissions × 3 reviews (issue 12): the ranked table's data
 * (rows, review summaries, ranks, balance panel) uncached, and a bulk decision on all 600
 * (goal: under 2 s), each in its own transaction as the page does it.
 */
export async function measureSelection(db: Kysely<DB>, size = 600): Promise<string> {
  const reviewers: number[] = [];
  for (let n = 1; n <= 3; n++) {
    reviewers.push(await addUser(db, { email: `bench-selection-${n}-${Date.now()}@example.org`, name: `Reviewer ${n}`, roles: ['call_reviewer'], lang: 'en', password: 'correct horse battery' }, null));
  }
  const slug = `bench-selection-${Date.now()}`;
  await seedSelectionCall(db, slug, size, reviewers);
  const call = (await findCall(db, slug))!;
  const filters = parseFilters({}, call.themes);
  const reads: number[] = [];
  let rows = 0;
  for (let run = 0; run < 30; run++) {
    const started = performance.now();
    const [ranked] = await Promise.all([rankedSelection(db, call.id, filters), balancePanel(db, call)]);
    reads.push(performance.now() - started);
    rows = ranked.length;
  }
  // The page cache is not part of the figure: a no-op stands in for it.
  const ctx = { db, pageCache: { invalidate: async () => {} } as unknown as PageCache };
  const bulks: number[] = [];
  let decided = 0;
  for (const decision of ['accepted', 'waitlisted', 'rejected'] as const) {
    const started = performance.now();
    decided = await decideMany(ctx, reviewers[0]!, call, filters, decision);
    bulks.push(performance.now() - started);
  }
  return [
    `selection table of ${rows} submissions × ${reviewers.length} reviews (rows, summaries, ranks, balance): p95 ${p95(reads).toFixed(1)} ms, median ${[...reads].sort((a, b) => a - b)[15]!.toFixed(1)} ms`,
    `bulk decision on ${decided} submissions: max ${Math.max(...bulks).toFixed(0)} ms over ${bulks.length} runs (goal < 2,000)`,
  ].join('\n');
}
