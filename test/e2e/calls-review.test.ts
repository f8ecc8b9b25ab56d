import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { insertCall, insertSubmission } from '../calls-fixtures.ts';
import { original, translated } from '../../src/i18n/translatable.ts';
import { axeViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

/** The review in a real browser at a 360 px phone width: the reviewer's page and the secretariat's, axe-clean in four languages, scored by keyboard alone. */
const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const SLUG = 'browser-review';
const phone = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
let run: BrowserRun;
let reviewer: Page;
let editor: Page;
const ids: number[] = [];

beforeAll(async () => {
  run = await startBrowserRun();
  const db = run.t.app.ctx.db;
  await createUser(run.t.app, 'browser-editor@gsef.test', ['editor']);
  const reviewerId = await createUser(run.t.app, 'browser-reviewer@gsef.test', ['call_reviewer']);
  const otherId = await createUser(run.t.app, 'other-reviewer@gsef.test', ['call_reviewer']);
  const callId = await insertCall(db, { slug: SLUG, state: 'in_review' });
  const [relevance] = await db.insertInto('call_score_categories').values([
    { call_id: callId, position: 1, label: JSON.stringify(translated('en', { en: 'Relevance', fr: 'Pertinence', es: 'Pertinencia', ko: '적합성' })), weight: 2, required: true, min_score: 0, max_score: 5 },
    { call_id: callId, position: 2, label: JSON.stringify(translated('en', { en: 'Originality', fr: 'Originalité', es: 'Originalidad', ko: '독창성' })), weight: 1, required: false, min_score: 0, max_score: 5 },
  ]).returning('id').execute();
  await db.insertInto('call_review_phases').values({ call_id: callId, name: 'First reading', opens_at: new Date(Date.now() - 86_400_000), closes_at: new Date(Date.now() + 86_400_000), others_reviews: 'always' }).execute();
  await db.insertInto('call_reviewers').values([reviewerId, otherId].map((user_id) => ({ call_id: callId, user_id, languages: ['en', 'fr', 'es', 'ko'], cap: 10 }))).execute();
  for (const [lang, title] of [['fr', 'Monnaie locale'], ['es', 'Vivienda cooperativa'], ['ko', '사회적 금융']] as const) {
    ids.push((await insertSubmission(db, callId, { lang, titleText: title, summaryText: `${title}.` })).id);
  }
  await db.insertInto('review_assignments').values(ids.flatMap((submission_id) => [reviewerId, otherId].map((reviewer_id) => ({ call_id: callId, submission_id, reviewer_id, automatic: true })))).execute();
  // The other reviewer has reviewed the second submission: "save and next" from the first goes to the third.
  await db.insertInto('reviews').values({ submission_id: ids[1]!, reviewer_id: otherId, scores: JSON.stringify({ [relevance!.id]: 4 }), total: 4, comment: 'Solid', proposed_decision: 'accepted', submitted_at: new Date() }).execute();
  await db.updateTable('submissions').set({ title: JSON.stringify(original('fr', 'Monnaie locale')) }).where('id', '=', ids[0]!).execute();
  reviewer = await run.newPage(phone);
  editor = await run.newPage(phone);
  await signInWithForm(reviewer, 'browser-reviewer@gsef.test');
  await signInWithForm(editor, 'browser-editor@gsef.test');
}, 90_000);
afterAll(() => run?.close());

async function expectClean(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(await axeViolations(page), path).toEqual([]);
  // Nothing wider than the phone: the page itself never scrolls sideways.
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 361 && !el.parentElement?.closest('.table-scroll')).slice(0, 5).map((el) => `${el.tagName}.${el.className}#${el.id} ${Math.round(el.getBoundingClientRect().right)}`));
  expect(wide, path).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
}

describe.each(LANGS)('axe finds no violations at 360 px in %s', (lang) => {
  it('on the reviewer\'s review page, list and home', async () => {
    await expectClean(reviewer, `/${lang}/reviews/${SLUG}/${ids[1]}`);
    await expectClean(reviewer, `/${lang}/reviews/${SLUG}`);
    await expectClean(reviewer, `/${lang}/reviews`);
  });

  it('on the secretariat\'s review page', () => expectClean(editor, `/${lang}/admin/calls/${SLUG}/review`));
});

describe('scoring by keyboard alone', () => {
  it('reaches the scores, fills the form and "save and next" opens the submission with the fewest reviews', async () => {
    await reviewer.goto(`/fr/reviews/${SLUG}/${ids[0]}`);
    for (let i = 0; i < 120 && (await reviewer.evaluate(() => document.activeElement?.id)) !== 'score_1'; i++) await reviewer.keyboard.press('Tab');
    expect(await reviewer.evaluate(() => document.activeElement?.id)).toBe('score_1');
    await reviewer.keyboard.type('4');
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.type('3');
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.type('Une initiative claire.');
    await reviewer.keyboard.press('Tab');
    expect(await reviewer.evaluate(() => document.activeElement?.id)).toBe('proposed_decision');
    await reviewer.keyboard.press('ArrowDown');
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.press('Tab');
    expect(await reviewer.evaluate(() => (document.activeElement as HTMLButtonElement).value)).toBe('1');
    await Promise.all([reviewer.waitForURL(`**/fr/reviews/${SLUG}/${ids[2]}`), reviewer.keyboard.press('Enter')]);
    expect(await reviewer.locator('#progress').textContent()).toBe('1 sur 3 évaluées');
    const saved = await run.t.app.ctx.db.selectFrom('reviews').select(['total', 'comment', 'proposed_decision']).where('submission_id', '=', ids[0]!).executeTakeFirstOrThrow();
    expect([Number(saved.total), saved.comment, saved.proposed_decision]).toEqual([3.67, 'Une initiative claire.', 'accepted']);
  });
});
