import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

/** Screenshots for a person to look at (gitignored); the tests assert what can be measured. */
const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url));
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

let run: BrowserRun;
beforeAll(async () => {
  run = await startBrowserRun();
  await fs.mkdir(SHOTS, { recursive: true });
});
afterAll(() => run?.close());

/** How far the page reaches, against what the screen shows: wider means sideways scrolling. */
const widths = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

/** On how many lines an element's text is laid out. */
const linesOf = (element: Locator) =>
  element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });

describe('on a 375 px wide phone screen', () => {
  it.each(['en', 'fr', 'es', 'ko'])('the %s home page fits without sideways scrolling', async (lang) => {
    const page = await run.newPage(PHONE);
    await page.goto(`/${lang}/`);
    expect(await widths(page)).toEqual({ scroll: 375, client: 375 });
    // The header's parts stay side by side or stack, but never spill out of the screen.
    for (const part of ['.brand', '.lang-switcher', '.main-nav', 'h1']) {
      const box = (await page.locator(part).first().boundingBox())!;
      expect(box.x, part).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, part).toBeLessThanOrEqual(375);
    }
    await page.screenshot({ path: `${SHOTS}home-${lang}-375.png`, fullPage: true });
    await page.context().close();
  });

  it('the signed-in back-office user list fits, its table scrolling inside itself', async () => {
    await createUser(run.t.app, 'a-rather-long-address.for-a-phone@example.org', ['admin']);
    const page = await run.newPage(PHONE);
    await signInWithForm(page, 'a-rather-long-address.for-a-phone@example.org', undefined, 'ko');
    await page.goto('/ko/admin/users');
    expect(await widths(page)).toEqual({ scroll: 375, client: 375 });
    // A long name in the sign-out button must not squeeze the back-office link to a syllable a line.
    expect(await linesOf(page.locator('.account a', { hasText: '관리' }))).toBe(1);
    // Korean words stay whole (the table scrolls inside itself instead of stacking syllables).
    expect(await linesOf(page.locator('th', { hasText: '역할' }))).toBe(1);
    const region = page.getByRole('region', { name: '계정 1개' });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}admin-users-ko-375.png`, fullPage: true });
    await page.context().close();
  });
});
