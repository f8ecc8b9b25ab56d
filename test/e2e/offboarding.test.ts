import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let admin: Page;
let targetId: number;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'axe-offboarding@example.org', ['admin']);
  targetId = await createUser(run.t.app, 'axe-target@example.org', ['editor']);
  admin = await run.newPage();
  await signInWithForm(admin, 'axe-offboarding@example.org');
});
afterAll(() => run?.close());

describe.each(LANGS)('offboarding pages have no axe violations in %s', (lang) => {
  it('on the own account page', () => expectNoViolations(admin, `/${lang}/account`, 200));

  it('on one account in the back-office', () => expectNoViolations(admin, `/${lang}/admin/users/${targetId}`, 200));

  it('after deactivating and reactivating with the keyboard alone, with the notice shown', async () => {
    await admin.goto(`/${lang}/admin/users/${targetId}`);
    const button = admin.locator(`form[action="/${lang}/admin/users/${targetId}/deactivate"] button`);
    await button.focus();
    await Promise.all([admin.waitForURL(`**/admin/users/${targetId}/deactivate`), admin.keyboard.press('Enter')]);
    expect(await admin.locator('[role=status]').count()).toBe(1);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.locator(`form[action="/${lang}/admin/users/${targetId}/reactivate"] button`).focus();
    await Promise.all([admin.waitForURL(`**/admin/users/${targetId}/reactivate`), admin.keyboard.press('Enter')]);
    expect(await admin.locator('[role=status]').count()).toBe(1);
  });

  it('on a refused change (own account), shown as an alert', async () => {
    await admin.goto(`/${lang}/admin/users`);
    const ownLink = admin.locator('a', { hasText: 'axe-offboarding@example.org' });
    await Promise.all([admin.waitForLoadState(), ownLink.click()]);
    const [response] = await Promise.all([
      admin.waitForResponse((r) => r.request().method() === 'POST'),
      admin.locator('form[action$="/deactivate"] button').click(),
    ]);
    await admin.waitForLoadState();
    expect(response.status()).toBe(409);
    expect(await admin.locator('[role=alert]').count()).toBe(1);
    expect(await axeViolations(admin)).toEqual([]);
  });
});
