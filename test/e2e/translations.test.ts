import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

/** The translation queue, the side-by-side editor and the dashboard in a real browser (src/translations/queue). */
const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const AXE_TIME = 120_000;

let run: BrowserRun;
let page: Page;
let unitPath: string;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'translator-e2e@example.org', ['editor']);
  page = await run.newPage({ viewport: { width: 1280, height: 900 } });
  await signInWithForm(page, 'translator-e2e@example.org');
  await page.goto('/en/admin/translations?lang=es&module=initiatives&state=missing');
  unitPath = (await page.locator('table.tr-queue tbody a').first().getAttribute('href'))!;
}, AXE_TIME);
afterAll(() => run?.close());

describe('the translation editor at 1280 px', () => {
  it('puts the original and the translation side by side', async () => {
    await page.goto(unitPath);
    const source = (await page.locator('.tr-source').boundingBox())!;
    const target = (await page.locator('.tr-target').boundingBox())!;
    expect(target.x).toBeGreaterThanOrEqual(source.x + source.width);
    expect(Math.abs(target.y - source.y)).toBeLessThan(5);
  });

  it('saves and goes to the next text by keyboard alone, in logical tab order', async () => {
    await page.goto(unitPath);
    // From the skip link down: the first control of the main content is the back link, then the translation.
    await page.locator('#main a').first().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('text');
    await page.keyboard.type('Una traducción hecha con el teclado');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement).value)).toBe('next');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await Promise.all([page.waitForURL((url) => url.pathname !== unitPath.split('?')[0]), page.keyboard.press('Enter')]);
    expect(page.url()).toContain('/en/admin/translations/unit/');
    const [, , , , , tbl, key, col] = unitPath.split('?')[0]!.split('/');
    const saved = await run.t.app.ctx.db.selectFrom(tbl as 'initiatives').select(col as 'title').where(tbl === 'initiatives' ? 'id' : ('slug' as 'id'), '=', tbl === 'initiatives' ? Number(key) : (key as unknown as number)).executeTakeFirst();
    expect(JSON.stringify(saved)).toContain('Una traducción hecha con el teclado');
  });
});

describe.each(LANGS)('the translation pages in %s at 360 px', (lang) => {
  it('have no axe violations: queue, editor (stacked) and dashboard', async () => {
    const phone = await run.newPage({ viewport: { width: 360, height: 740 } });
    await signInWithForm(phone, 'translator-e2e@example.org', undefined, lang);
    const localUnit = unitPath.replace(/^\/en\//, `/${lang}/`);
    for (const path of [`/${lang}/admin/translations`, localUnit, `/${lang}/admin/translations/dashboard?for=ko`]) {
      const response = await phone.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await axeViolations(phone), path).toEqual([]);
    }
    await phone.goto(localUnit);
    const source = (await phone.locator('.tr-source').boundingBox())!;
    const target = (await phone.locator('.tr-target').boundingBox())!;
    expect(target.y).toBeGreaterThanOrEqual(source.y + source.height - 1);
    await phone.context().close();
  }, 2 * AXE_TIME);
});
