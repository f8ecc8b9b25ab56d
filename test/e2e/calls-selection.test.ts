import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSelectionCall } from '../../src/calls/selection/testing.ts';
import { createUser } from '../helpers.ts';
import { axeViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const AXE_TIME = 180_000;
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const SLUG = 'e2e-selection';

let run: BrowserRun;
let page: Page;
beforeAll(async () => {
  run = await startBrowserRun();
  const db = run.t.app.ctx.db;
  await createUser(run.t.app, 'selection-axe@example.org', ['editor']);
  const reviewers = await Promise.all([1, 2, 3].map((n) => createUser(run.t.app, `selection-axe-reviewer-${n}@example.org`, ['call_reviewer'])));
  const callId = await seedSelectionCall(db, SLUG, 12, reviewers);
  await db.updateTable('submissions').set({ decision: 'accepted' }).where('call_id', '=', callId).where('region', '=', 'europe').execute();
  await db.insertInto('call_targets').values({ call_id: callId, dimension: 'region', value: 'europe', target: 6 }).execute();
  page = await run.newPage(PHONE);
  await signInWithForm(page, 'selection-axe@example.org');
  // A programme with a day, a session, a workshop and one placed submission, built through the forms.
  const base = `/en/admin/calls/${SLUG}/programme`;
  await page.goto(base);
  await Promise.all([page.waitForURL(/done=day/), page.locator(`form[action="${base}/days"] button`).click()]);
  await Promise.all([page.waitForURL(/done=session/), page.locator(`form[action="${base}/sessions"] button`).click()]);
  await page.fill('#title_en-new', 'Local money and finance');
  await page.fill('#room-new', 'Room A');
  await Promise.all([page.waitForURL(/done=workshop/), page.locator(`form[action="${base}/workshops"] button`).click()]);
  const first = page.locator('form.programme-place').first();
  await first.locator('select').selectOption({ index: 1 });
  await Promise.all([page.waitForURL(/done=placed/), first.locator('button').click()]);
}, AXE_TIME);
afterAll(() => run?.close());

/** How far the page reaches sideways beyond the screen (0 when it fits). */
const overflow = () => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

describe.each(LANGS)('the selection and programme pages in %s at 360 px', (lang) => {
  it('are axe clean and fit the screen', async () => {
    for (const path of [`/${lang}/admin/calls/${SLUG}/selection`, `/${lang}/admin/calls/${SLUG}/selection?region=europe&state=pending`,
      `/${lang}/admin/calls/${SLUG}/notifications`, `/${lang}/admin/calls/${SLUG}/notifications/preview`, `/${lang}/admin/calls/${SLUG}/programme`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
      expect(await overflow(), path).toBeLessThanOrEqual(0);
    }
    expect(await page.locator('.programme-code').first().textContent()).toBe('1.1.1');
  }, AXE_TIME);
});
