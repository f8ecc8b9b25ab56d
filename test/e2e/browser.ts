import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../helpers.ts';

/**
 * Debian's Chromium, quiet: we run as root (no sandbox) on a closed network, where background
 * networking (updates, sync, QUIC probes) would only flood it with failing requests.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserRun {
  browser: Browser;
  t: TestApp;
  /** http://127.0.0.1:PORT, where the real app listens. */
  origin: string;
  /** A fresh context (own cookies) with one page, its base URL set to the app. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** The real app over a fresh seeded database, listening on a free port, and a browser to drive it. */
export async function startBrowserRun(): Promise<BrowserRun> {
  const t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await launchBrowser();
  return {
    browser,
    t,
    origin,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: origin, ...options });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the real form, as a person would (password defaults to test/helpers.ts's). */
export async function signInWithForm(page: Page, email: string, password = 'correct horse battery', lang = 'en') {
  await page.goto(`/${lang}/sign-in`);
  const form = page.locator(`form[action="/${lang}/sign-in"]`);
  await form.locator('#email').fill(email);
  await form.locator('#password').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/sign-in')), form.locator('button[type=submit]').click()]);
}

/** axe's violations on the page as it is now, reduced to what a reader of a failure needs. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  }));
}

/** Opens `path`, expects that status, and expects axe to find nothing on the page. */
export async function expectNoViolations(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(status);
  expect(await axeViolations(page)).toEqual([]);
}

/** The outline the browser draws around the focused element, and what it is. */
export function focusOutline(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      text: element.textContent?.trim() ?? '',
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      color: style.outlineColor,
    };
  });
}

/** WCAG contrast ratio between two opaque CSS colours given as `rgb(r, g, b)`. */
export function contrastRatio(first: string, second: string): number {
  const luminance = (color: string) => {
    const channels = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    if (channels.length !== 3) throw new Error(`not an rgb() colour: ${color}`);
    const [r = 0, g = 0, b = 0] = channels.map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
