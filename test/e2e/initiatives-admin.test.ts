import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

/** The back-office form of an initiative, in a real browser: accessible in four languages, usable by keyboard. */
const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const AXE_TIME = 120_000;

let run: BrowserRun;
let page: Page;
let slug: string;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'archivist@example.org', ['editor']);
  page = await run.newPage();
  await signInWithForm(page, 'archivist@example.org');
  const row = await run.t.app.ctx.db.selectFrom('initiatives').select('slug').where('code', '=', '1.1.1').orderBy('id').executeTakeFirstOrThrow();
  slug = row.slug;
}, AXE_TIME);
afterAll(() => run?.close());

/** Waits for the form's answer to be shown: the posted page, loaded. */
async function submitted(action: Promise<void>) {
  await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), action]);
  await page.waitForLoadState('load');
}

describe.each(LANGS)('the initiative editor in %s', (lang) => {
  it('has no axe violations on the new form, the edit form and a form with errors', async () => {
    for (const path of [`/${lang}/admin/initiatives/new`, `/${lang}/admin/initiatives/${slug}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.locator('#latitude').fill('123');
    await submitted(page.locator('form[action*="/admin/initiatives"] button[type=submit]').first().click());
    await page.locator('#latitude-error').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 3 * AXE_TIME);
});

describe('editing an initiative in a browser', () => {
  it('fixes a typo by keyboard alone, adds a presenter row without saving, and the public page shows the fix', async () => {
    await page.goto(`/en/admin/initiatives/${slug}`);
    const before = await page.locator('#presenter_name_0').inputValue();
    expect(before).not.toBe('');
    await submitted(page.locator('button[name=more_presenters]').click());
    expect(await page.locator('[role=status]').textContent()).toMatch(/Nothing is saved/);
    const rows = await page.locator('.presenter-row').count();
    expect(rows).toBeGreaterThanOrEqual(2);
    const title = page.locator('#title_fr');
    await title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (corrigé)');
    // The form is already at its own address: wait for the page the save redirects to, not the URL.
    const savedPage = (response: { request(): { method(): string; redirectedFrom(): unknown } }) =>
      response.request().method() === 'GET' && response.request().redirectedFrom() !== null;
    await Promise.all([page.waitForResponse(savedPage), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');
    expect(await page.locator('#title_fr').inputValue()).toMatch(/\(corrigé\)$/);
    await page.goto(`/fr/initiatives/${slug}`);
    expect(await page.locator('h1').textContent()).toMatch(/\(corrigé\)$/);
  }, 2 * AXE_TIME);
});
