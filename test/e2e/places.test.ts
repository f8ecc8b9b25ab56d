import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

// The place form (issue 18) and the search's partial-match notice, in a real browser.
const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let editor: Page;
let visitor: Page;
let slug: string;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'axe-places@example.org', ['editor']);
  editor = await run.newPage();
  visitor = await run.newPage();
  await signInWithForm(editor, 'axe-places@example.org');
  ({ slug } = await run.t.app.ctx.db.selectFrom('initiatives').select('slug').where('code', '=', '1.1.1').executeTakeFirstOrThrow());
});
afterAll(() => run?.close());

describe.each(LANGS)('axe finds no violations in %s', (lang) => {
  it('on the place form', () => expectNoViolations(editor, `/${lang}/admin/places/initiative/${slug}`), 90_000);
  it('on a search answered by the documents with most of the words', async () => {
    await expectNoViolations(visitor, `/${lang}/search?q=jeunes+entrepreneurs`);
    expect(await visitor.locator('.search-results li').count()).toBeGreaterThan(0);
  }, 90_000);
});

describe('the place form by keyboard alone', () => {
  it('shows the problem next to the field, then saves with Enter', async () => {
    await editor.goto(`/en/admin/places/initiative/${slug}`);
    await editor.locator('#latitude').focus();
    await editor.keyboard.press('Control+A');
    await editor.keyboard.type('123');
    await Promise.all([editor.waitForLoadState(), editor.waitForResponse((r) => r.request().method() === 'POST'), editor.keyboard.press('Enter')]);
    expect(await editor.locator('#latitude-error').textContent()).toContain('decimal degrees');
    expect(await axeViolations(editor)).toEqual([]);
    await editor.locator('#latitude').fill('38.9');
    await editor.locator('#longitude').fill('-77.04');
    await editor.locator('#longitude').focus();
    await Promise.all([editor.waitForURL(/saved=1/), editor.keyboard.press('Enter')]);
    expect(await editor.locator('[role=status]').textContent()).toContain('The place is saved');
  }, 90_000);
});
