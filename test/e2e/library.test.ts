import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let page: Page;

beforeAll(async () => {
  run = await startBrowserRun();
  page = await run.newPage();
});
afterAll(() => run?.close());

// axe is slow on a busy machine: each page gets its own generous time.
const AXE_TIME = 120_000;

describe.each(LANGS)('axe finds no violations on the library in %s', (lang) => {
  it('on the listing with facets', () => expectNoViolations(page, `/${lang}/library`), AXE_TIME);
  it('on a resource page', () => expectNoViolations(page, `/${lang}/library/senegal-capacity-building-report-2019`), AXE_TIME);
});

it('axe finds no violations on a filtered listing', () => expectNoViolations(page, '/en/library?type=video&year=2019'), AXE_TIME);

describe('the library in a browser', () => {
  it('filters by type with the form and opens a resource', async () => {
    await page.goto('/en/library');
    await page.locator('input[name="type"][value="declaration"]').check();
    await Promise.all([page.waitForURL(/type=declaration/), page.locator('form.filters button[type=submit]').click()]);
    expect(await page.locator('[role=status]').first().textContent()).toBe('2 resources');
    await Promise.all([page.waitForURL(/\/en\/library\/[a-z0-9-]+$/), page.locator('.library-card a').first().click()]);
    expect(await page.locator('h1').textContent()).toBe('Declaration of the participants of the Kampala training');
  }, AXE_TIME);

  it('lets an editor open the back-office form, which has no violations', async () => {
    await createUser(run.t.app, 'librarian@example.org', ['editor']);
    const editorPage = await run.newPage();
    await signInWithForm(editorPage, 'librarian@example.org');
    for (const path of ['/en/admin/library/new', '/fr/admin/library/praia-manifesto-2017']) {
      const response = await editorPage.goto(path);
      expect(response?.status()).toBe(200);
      expect(await axeViolations(editorPage)).toEqual([]);
    }
  }, 2 * AXE_TIME);
});
