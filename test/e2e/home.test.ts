import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeImage } from '../../src/images/domain.ts';
import { createUser } from '../helpers.ts';
import { axeViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

/** Screenshots for a person to look at (gitignored); the tests assert what can be measured. */
const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url));
const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const SCREENS = [
  { name: 'phone', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
] as const;

let run: BrowserRun;
beforeAll(async () => {
  run = await startBrowserRun();
  await fs.mkdir(SHOTS, { recursive: true });
  // Pictures where people expect them, made by the real conversion: the forum's photo, a news
  // image and the site's logo.
  const { ctx } = run.t.app;
  const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#5d7f9a' } }).jpeg().toBuffer();
  const logo = await sharp({ create: { width: 600, height: 200, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0.9 } } }).png().toBuffer();
  await ctx.db.transaction().execute(async (trx) => {
    const forumPhoto = await storeImage(ctx, trx, { input: photo, alt: 'Participants in the plenary hall', altLang: 'en', actorId: null });
    await trx.updateTable('activities').set({ photo_image_id: forumPhoto.id }).where('slug', '=', 'gsef2021-mexico-city').execute();
    const newsImage = await storeImage(ctx, trx, { input: photo, alt: 'Webinar speakers on screen', altLang: 'en', actorId: null });
    await trx.updateTable('news_items').set({ image_id: newsImage.id }).where('slug', '=', 'inaes-webinars-2020').execute();
    const siteLogo = await storeImage(ctx, trx, { input: logo, alt: 'GSEF logo', altLang: 'en', actorId: null });
    await trx.insertInto('site_settings').values({ id: 1, short_name: 'GSEF', logo_image_id: siteLogo.id }).execute();
  });
  await ctx.pageCache.invalidate();
});
afterAll(() => run?.close());

describe('the home page', () => {
  for (const screen of SCREENS) {
    it.each(LANGS)(`in %s at ${screen.viewport.width} px leads somewhere, fits the screen and has no axe violation`, async (lang) => {
      const page = await run.newPage(screen);
      const response = await page.goto(`/${lang}/`);
      expect(response?.status()).toBe(200);
      // The ways in: joining, the forum, events, news, the members' map and the newsletter.
      await expect.poll(() => page.locator(`main a[href="/${lang}/join"]`).count()).toBe(1);
      for (const id of ['home-forum-title', 'home-events-title', 'home-news-title', 'home-map-title', 'home-newsletter-title']) {
        expect(await page.locator(`#${id}`).isVisible(), id).toBe(true);
      }
      expect(await page.locator('.mini-dot').count()).toBeGreaterThan(10);
      // The forum's photo, loaded as a modern format at a size fit for the screen.
      const photo = page.locator('.home-photo img');
      await photo.scrollIntoViewIfNeeded();
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const chosen = await photo.evaluate((img: HTMLImageElement) => img.currentSrc);
      expect(chosen).toMatch(/\/media\/images\/\d+\/(320|640|1280)\.avif$/);
      if (screen.viewport.width === 360) expect(chosen).not.toMatch(/1280\.avif$/);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBe(widths.client);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}home-${lang}-${screen.viewport.width}.png`, fullPage: true });
      await page.context().close();
    });
  }
});

describe('the site settings form', () => {
  it('refuses a colour too pale for white text, by keyboard alone, with the contrast named and no axe violation', async () => {
    await createUser(run.t.app, 'e2e-site-editor@example.org', ['editor']);
    const page = await run.newPage({ viewport: { width: 1280, height: 900 } });
    await signInWithForm(page, 'e2e-site-editor@example.org', undefined, 'fr');
    await page.goto('/fr/admin/site');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#brand_colour').fill('#f2e14e');
    await Promise.all([page.waitForURL('**/fr/admin/site'), page.locator('#brand_colour').press('Enter')]);
    await expect.poll(() => page.locator('#brand_colour-ratio').textContent()).toMatch(/^Contraste mesuré : 1,\d:1 ; requis : 4,5:1\.$/);
    expect(await page.locator('#brand_colour').getAttribute('aria-describedby')).toBe('brand_colour-hint brand_colour-error brand_colour-ratio');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}site-settings-fr-error.png`, fullPage: true });
    await page.context().close();
  });
});
