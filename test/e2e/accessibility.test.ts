import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let visitor: Page;
let admin: Page;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'axe-admin@example.org', ['admin']);
  visitor = await run.newPage();
  admin = await run.newPage();
  await signInWithForm(admin, 'axe-admin@example.org');
});
afterAll(() => run?.close());

describe.each(LANGS)('axe finds no violations in %s', (lang) => {
  it('on the home page', () => expectNoViolations(visitor, `/${lang}/`, 200));

  it('on the sign-in page', () => expectNoViolations(visitor, `/${lang}/sign-in`, 200));

  it('on the sign-in page showing validation errors', async () => {
    await visitor.goto(`/${lang}/sign-in`);
    const [response] = await Promise.all([
      visitor.waitForResponse((r) => r.request().method() === 'POST'),
      visitor.locator(`form[action="/${lang}/sign-in"] button[type=submit]`).click(),
    ]);
    await visitor.waitForLoadState();
    expect(response.status()).toBe(400);
    expect(await visitor.locator('.error-summary li').count()).toBe(2);
    expect(await axeViolations(visitor)).toEqual([]);
  });

  it('on the page-not-found page', () => expectNoViolations(visitor, `/${lang}/nope`, 404));

  it('on the back-office dashboard', () => expectNoViolations(admin, `/${lang}/admin`, 200));

  it('on the back-office user list and form', () => expectNoViolations(admin, `/${lang}/admin/users`, 200));

  it('on the back-office audit log', () => expectNoViolations(admin, `/${lang}/admin/audit`, 200));
});

describe('axe finds no violations', () => {
  it.each(LANGS)('on the unknown-language page, negotiated to %s', async (lang) => {
    const context: BrowserContext = await run.browser.newContext({ baseURL: run.origin, locale: lang });
    try {
      const page = await context.newPage();
      await expectNoViolations(page, '/de/', 404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
    } finally {
      await context.close();
    }
  });

  it.each(LANGS)('on the home page in %s at a 375 px wide phone screen', async (lang) => {
    const page = await run.newPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    try {
      await expectNoViolations(page, `/${lang}/`, 200);
    } finally {
      await page.context().close();
    }
  });
});
