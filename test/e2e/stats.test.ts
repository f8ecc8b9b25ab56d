import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const AXE_TIME = 120_000;

let run: BrowserRun;
let page: Page;
beforeAll(async () => {
  run = await startBrowserRun();
  page = await run.newPage();
});
afterAll(() => run?.close());

describe.each(LANGS)('axe finds no violations on the figures in %s', (lang) => {
  it('on /stats', () => expectNoViolations(page, `/${lang}/stats`), AXE_TIME);
  it('on the 2019 report', () => expectNoViolations(page, `/${lang}/reports/2019`), AXE_TIME);
});

it('reads at 360 px without sideways scrolling, and the bars stay inside the column', async () => {
  const narrow = await run.newPage();
  await narrow.setViewportSize({ width: 360, height: 800 });
  await narrow.goto('/ko/stats?as_of=2019-12-31&year=2019');
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  const widest = await narrow.evaluate(() => Math.max(...[...document.querySelectorAll('svg.chart')].map((svg) => svg.getBoundingClientRect().right)));
  expect(widest).toBeLessThanOrEqual(360);
  if (process.env.SCREENSHOT_DIR) await narrow.screenshot({ path: `${process.env.SCREENSHOT_DIR}/stats-360.png`, fullPage: false });
}, AXE_TIME);
