import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { countFallbackPages } from './fallback-count.ts';
import { drafterFor, runMachineDrafts } from './machine/jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * The figure of issue 13 (docs/architecture.md, "Translation workflow"): public pages showing the
 * "not available in your language" notice per language on the seeded database, before and after the
 * machine-draft job. Long (every page × 4 languages, and Apertium over every text): run on demand
 * with FALLBACK_COUNT=1.
 */
describe.runIf(process.env.FALLBACK_COUNT === '1')('the fallback count', () => {
  it('falls in Spanish once the machine drafts are made', { timeout: 1_800_000 }, async () => {
    const before = await countFallbackPages(t.app);
    console.log(`fallback before drafts: ${JSON.stringify(before)}`);
    expect(before.pages).toBeGreaterThan(100);
    if (!(await drafterFor(t.app.ctx).available())) return;
    const run = await runMachineDrafts(t.app.ctx, { pauseMs: 0, budgetMs: 1_700_000 });
    expect(run.finished).toBe(true);
    const after = await countFallbackPages(t.app);
    console.log(`fallback after drafts (${run.drafted} drafts): ${JSON.stringify(after)}`);
    expect(after.fallback.es).toBeLessThan(before.fallback.es);
  });
});
