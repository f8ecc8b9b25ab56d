import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKLET_JOB } from '../../src/calls/booklet/domain.ts';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const AXE_TIME = 120_000;
const BOOKLET = '/initiatives/programme/gsef2018-bilbao/booklet';

let run: BrowserRun;
let page: Page;
beforeAll(async () => {
  run = await startBrowserRun();
  page = await run.newPage();
}, AXE_TIME);
afterAll(() => run?.close());

describe.each(LANGS)('the booklet page in %s', (lang) => {
  it('is axe clean while the PDF is being prepared and once it is ready', async () => {
    await expectNoViolations(page, `/${lang}${BOOKLET}`);
    expect(await page.locator('.booklet-pdf').textContent()).not.toMatch(/PDF \(/);
    await run.t.app.ctx.jobs.drain([BOOKLET_JOB]);
    await expectNoViolations(page, `/${lang}${BOOKLET}`);
    const link = page.locator(`.booklet-pdf a[href="/${lang}${BOOKLET}.pdf"]`);
    expect(await link.count()).toBe(1);
  }, AXE_TIME);
});

it('the back-office form is axe clean, with its errors too', async () => {
  await createUser(run.t.app, 'booklet-axe@example.org', ['editor']);
  const admin = await run.newPage();
  await signInWithForm(admin, 'booklet-axe@example.org');
  await expectNoViolations(admin, '/en/admin/booklets/gsef2018-bilbao');
  await admin.selectOption('#source', 'ko');
  await admin.fill('#front_matter_en', 'English only');
  await Promise.all([admin.waitForResponse((r) => r.request().method() === 'POST'), admin.locator('form[action="/en/admin/booklets/gsef2018-bilbao"] button[type=submit]').click()]);
  await admin.waitForLoadState();
  expect(await admin.locator('.error-summary li').count()).toBe(1);
  expect(await axeViolations(admin)).toEqual([]);
}, AXE_TIME);
