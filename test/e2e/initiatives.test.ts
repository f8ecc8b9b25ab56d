import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let page: Page;
let slug: string;

beforeAll(async () => {
  run = await startBrowserRun();
  page = await run.newPage();
  const list = await run.t.app.inject({ method: 'GET', url: '/api/v1/initiatives?q=koopera' });
  slug = list.json().items[0].slug;
});
afterAll(() => run?.close());

describe.each(LANGS)('axe finds no violations on the initiatives pages in %s', (lang) => {
  it('on the archive with facets', () => expectNoViolations(page, `/${lang}/initiatives`));
  it('on a filtered archive page', () => expectNoViolations(page, `/${lang}/initiatives?country=ES&theme=finance&page=1`));
  it('on an initiative page', () => expectNoViolations(page, `/${lang}/initiatives/${slug}`));
  it('on the programme of GSEF2018', () => expectNoViolations(page, `/${lang}/initiatives/programme/gsef2018-bilbao`));
  it('on the map', () => expectNoViolations(page, `/${lang}/map`));
});

describe('finding an initiative', () => {
  it('filters the archive by country with the form, opens an initiative and reaches it from the map', async () => {
    await page.goto('/en/initiatives');
    // A long facet is folded behind its own disclosure (issue 18): open it first.
    await page.locator('fieldset:has(input[name="country"]) > details > summary').click();
    await page.locator('input[name="country"][value="KR"]').check();
    await Promise.all([page.waitForURL(/country=KR/), page.locator('form.filters button[type=submit]').click()]);
    expect(await page.locator('[role=status]').first().textContent()).toBe('5 initiatives');
    await Promise.all([page.waitForURL(/\/en\/initiatives\/[a-z0-9-]+$/), page.locator('.initiatives-card a').first().click()]);
    expect(await page.locator('h1').textContent()).toContain('Efforts des gouvernements nationaux');
    await page.goto('/en/map?show=initiatives');
    await page.locator('svg a[href^="#place-"]').first().focus();
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#place-/);
  });
});
