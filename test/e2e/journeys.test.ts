import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { contrastRatio, focusOutline, startBrowserRun, type BrowserRun } from './browser.ts';

let run: BrowserRun;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'keys@example.org', ['member_contact']);
  await createUser(run.t.app, 'amina@example.org', ['member_contact']);
  await createUser(run.t.app, 'nojs@example.org', ['editor']);
});
afterAll(() => run?.close());

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement!;
    return { tag: element.tagName.toLowerCase(), id: element.id, className: element.className };
  });

/** Presses Tab until the element with this id has focus; fails after `max` presses. */
async function tabTo(page: Page, id: string, max = 30) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    if ((await activeElement(page)).id === id) return;
  }
  throw new Error(`#${id} never received focus after ${max} presses of Tab`);
}

/** The focus ring is drawn, and stands out 3:1 against the green header it sits on. */
async function expectVisibleFocusOnHeader(page: Page, tag: string, text: string | RegExp) {
  const headerBackground = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  const outline = await focusOutline(page);
  expect(outline.tag).toBe(tag);
  expect(outline.text).toMatch(text);
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  expect(contrastRatio(outline.color, headerBackground)).toBeGreaterThanOrEqual(3);
}

const signOutButton = (page: Page) => page.locator('.site-header button', { hasText: /^Sign out \(/ });

describe('language switcher', () => {
  it('keeps the reader on the same page in the chosen language', async () => {
    const page = await run.newPage();
    await page.goto('/en/sign-in');
    await Promise.all([page.waitForURL('**/fr/sign-in'), page.getByRole('link', { name: 'Français' }).click()]);
    expect(new URL(page.url()).pathname).toBe('/fr/sign-in');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('Connexion');
    expect(await page.locator('.lang-switcher [aria-current="true"]').textContent()).toBe('Français');
    await page.context().close();
  });
});

describe('keyboard only', () => {
  it('reaches the skip link first, and Enter moves focus to the main content', async () => {
    const page = await run.newPage();
    await page.goto('/en/');
    await page.keyboard.press('Tab');
    expect(await activeElement(page)).toEqual({ tag: 'a', id: '', className: 'skip-link' });
    const box = (await page.locator('.skip-link').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThan(0);
    await expectVisibleFocusOnHeader(page, 'a', 'Skip to main content');

    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    expect(await activeElement(page)).toEqual({ tag: 'main', id: 'main', className: 'wrap' });
    await page.context().close();
  });

  it('signs in with Tab, typing and Enter, and the sign-out button shows its focus', async () => {
    const page = await run.newPage();
    await page.goto('/en/sign-in');
    await tabTo(page, 'email');
    await page.keyboard.type('keys@example.org');
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).id).toBe('password');
    await page.keyboard.type('correct horse battery');
    await Promise.all([page.waitForURL('**/en/'), page.keyboard.press('Enter')]);
    expect(await signOutButton(page).textContent()).toBe('Sign out (keys)');

    await page.locator('.site-header .brand').focus();
    // The header's search button comes first; the sign-out button is the one carrying the account's name.
    const onSignOut = () => page.evaluate(() => document.activeElement?.textContent === 'Sign out (keys)');
    for (let presses = 0; presses < 30 && !(await onSignOut()); presses++) await page.keyboard.press('Tab');
    await expectVisibleFocusOnHeader(page, 'button', 'Sign out (keys)');
    await page.context().close();
  });
});

describe('signing in through the browser', () => {
  it('shows a wrong password next to the field, keeps the address, then signs in and out', async () => {
    const page = await run.newPage();
    await page.goto('/en/sign-in');
    const form = page.locator('form[action="/en/sign-in"]');
    await form.locator('#email').fill('amina@example.org');
    await form.locator('#password').fill('not the password');
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.getByRole('button').click()]);
    await page.waitForLoadState();
    expect(refused.status()).toBe(401);
    const passwordField = page.locator('.field:has(#password)');
    expect(await passwordField.locator('.field-error').textContent()).toBe('This e-mail address and password do not match an account.');
    expect(await page.locator('#password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#password').getAttribute('aria-describedby')).toBe('password-error');
    expect(await page.locator('#email').inputValue()).toBe('amina@example.org');
    expect(await page.locator('#password').inputValue()).toBe('');

    await page.locator('#password').fill('correct horse battery');
    await Promise.all([page.waitForURL('**/en/'), page.locator('form[action="/en/sign-in"] button').click()]);
    expect(await signOutButton(page).textContent()).toBe('Sign out (amina)');
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(0);

    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), signOutButton(page).click()]);
    await page.waitForURL('**/en/');
    expect(await signOutButton(page).count()).toBe(0);
    expect(await page.locator('.site-header').getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/en/sign-in');
    await page.context().close();
  });

  it('works with JavaScript turned off, up to the back-office', async () => {
    const page = await run.newPage({ javaScriptEnabled: false });
    await page.goto('/en/sign-in');
    await page.locator('#email').fill('nojs@example.org');
    await page.locator('#password').fill('correct horse battery');
    await Promise.all([page.waitForURL('**/en/'), page.locator('form[action="/en/sign-in"] button').click()]);
    const backOffice = page.locator('.site-header').getByRole('link', { name: 'Back-office' });
    expect(await backOffice.getAttribute('href')).toBe('/en/admin');
    await Promise.all([page.waitForURL('**/en/admin'), backOffice.click()]);
    expect(await page.locator('h1').textContent()).toBe('Back-office');
    await page.context().close();
  });
});
