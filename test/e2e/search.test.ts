import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let page: Page;

beforeAll(async () => {
  run = await startBrowserRun();
  page = await run.newPage();
});
afterAll(() => run?.close());

describe.each(LANGS)('axe finds no violations on the search page in %s', (lang) => {
  // Axe over a page with facets takes long on a busy machine.
  it('empty', () => expectNoViolations(page, `/${lang}/search`), 90_000);
  it('with results and facets', () => expectNoViolations(page, `/${lang}/search?q=cooperative`), 90_000);
  it('filtered', () => expectNoViolations(page, `/${lang}/search?q=cooperative&kind=initiative`), 90_000);
});

describe('searching from the keyboard', () => {
  it('types in the header box, moves through suggestions with the arrows and opens one', async () => {
    await page.goto('/en/');
    await page.locator('#site-search-q').focus();
    await page.keyboard.type('cooperat');
    await page.locator('#site-search-suggest [role=option]').first().waitFor();
    expect(await page.locator('#site-search-q').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const first = page.locator('#site-search-suggest [role=option]').first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#site-search-q').getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    const href = await first.locator('a').getAttribute('href');
    await Promise.all([page.waitForURL((url) => url.pathname === href), page.keyboard.press('Enter')]);
  });

  it('submits the form without script and lands on results', async () => {
    const plain = await run.newPage({ javaScriptEnabled: false });
    await plain.goto('/fr/');
    await plain.locator('#site-search-q').fill('finance solidaire');
    await Promise.all([plain.waitForURL(/\/fr\/search\?q=finance/), plain.keyboard.press('Enter')]);
    expect(await plain.locator('[role=status]').first().textContent()).toMatch(/résultat/);
    expect(await plain.locator('.search-results li').count()).toBeGreaterThan(0);
  });
});
