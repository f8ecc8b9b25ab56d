import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
/** axe takes seconds per page on a busy 2-core machine. */
const SLOW = 60_000;

let run: BrowserRun;
let visitor: Page;
let editor: Page;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'news-editor@example.org', ['editor']);
  visitor = await run.newPage();
  editor = await run.newPage();
  await signInWithForm(editor, 'news-editor@example.org');
}, 3 * SLOW);
afterAll(() => run?.close());

describe.each(LANGS)('news and subscription pages in %s', (lang) => {
  it('has no axe violations on the subscription form, also showing its errors', async () => {
    await expectNoViolations(visitor, `/${lang}/newsletter/subscribe`);
    const [response] = await Promise.all([
      visitor.waitForResponse((r) => r.request().method() === 'POST'),
      visitor.locator(`main form[action="/${lang}/newsletter/subscribe"] button[type=submit]`).click(),
    ]);
    await visitor.waitForLoadState();
    expect(response.status()).toBe(400);
    expect(await visitor.locator('.error-summary li').count()).toBe(2);
    expect(await axeViolations(visitor)).toEqual([]);
  }, SLOW);

  it('has no axe violations on the news list', () => expectNoViolations(visitor, `/${lang}/news`), SLOW);
  it('has no axe violations on a news item', () => expectNoViolations(visitor, `/${lang}/news/gsef2018-bilbao-in-figures`), SLOW);

  it('has no axe violations on the editors’ news queue', () => expectNoViolations(editor, `/${lang}/admin/news`), SLOW);
  it('has no axe violations on the subscriber list page', () => expectNoViolations(editor, `/${lang}/admin/subscribers`), SLOW);
  it('has no axe violations on the news submission form', () => expectNoViolations(editor, `/${lang}/news/submit`), SLOW);
});

describe('subscribing in the browser', () => {
  it('goes from the footer form to a confirmed subscription and its preferences', async () => {
    const page = await run.newPage();
    await page.goto('/es/news');
    await page.locator('#footer-subscribe-email').fill('lector@example.org');
    await Promise.all([page.waitForURL(/\/es\/newsletter\/subscribe\?email=/), page.locator('.footer-subscribe button').click()]);
    expect(await page.locator('#email').inputValue()).toBe('lector@example.org');
    await page.locator('#lang').selectOption('fr');
    await page.locator('#consent').check();
    await Promise.all([page.waitForLoadState(), page.locator('main form[action="/es/newsletter/subscribe"] button[type=submit]').click()]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Revise su correo');
    expect(await axeViolations(page)).toEqual([]);

    const mail = await run.t.app.ctx.db.selectFrom('outgoing_mail').select(['text_body', 'subject']).where('to_address', '=', 'lector@example.org').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Confirmez votre abonnement à la lettre d’information du GSEF');
    const link = /http:\/\/[^/]+(\/fr\/newsletter\/confirm\/\S+)/.exec(mail.text_body)![1]!;
    await expectNoViolations(page, link);
    await Promise.all([page.waitForLoadState(), page.locator('main form button[type=submit]').click()]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Abonnement confirmé');
    await Promise.all([page.waitForURL(/\/newsletter\/preferences\//), page.locator('main a[href*="/newsletter/preferences/"]').click()]);
    expect(await axeViolations(page)).toEqual([]);
    const row = await run.t.app.ctx.db.selectFrom('subscribers').select(['status', 'lang', 'consent']).where('email', '=', 'lector@example.org').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'active', lang: 'fr', consent: { method: 'footer', lang: 'es' } });
  }, 4 * SLOW);
});

describe('the Atom feed', () => {
  it.each(LANGS)('is well-formed Atom 1.0 for %s, as Chromium’s XML parser reads it', async (lang) => {
    const page = await run.newPage();
    await page.goto(`/${lang}/news`);
    const href = await page.locator('head link[rel=alternate][type="application/atom+xml"]').getAttribute('href');
    expect(href).toBe(`/${lang}/feed.xml`);
    const result = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const text = await response.text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      const feed = doc.documentElement;
      const child = (element: Element, name: string) => Array.from(element.children).filter((c) => c.namespaceURI === ns && c.localName === name);
      return {
        type: response.headers.get('content-type'),
        error: doc.getElementsByTagName('parsererror').length,
        root: `${feed.namespaceURI} ${feed.localName}`,
        id: child(feed, 'id')[0]?.textContent,
        updated: child(feed, 'updated')[0]?.textContent,
        links: child(feed, 'link').map((l) => `${l.getAttribute('rel')} ${l.getAttribute('type')}`),
        entries: child(feed, 'entry').map((entry) => ({
          id: child(entry, 'id').length,
          title: child(entry, 'title')[0]?.textContent ?? '',
          updated: child(entry, 'updated')[0]?.textContent ?? '',
          link: child(entry, 'link')[0]?.getAttribute('href') ?? '',
        })),
      };
    }, href!);
    expect(result.type).toBe('application/atom+xml; charset=utf-8');
    expect(result.error).toBe(0);
    expect(result.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(result.id).toMatch(new RegExp(`/${lang}/feed\\.xml$`));
    expect(Number.isNaN(Date.parse(result.updated!))).toBe(false);
    expect(result.links).toEqual(['self application/atom+xml', 'alternate text/html']);
    expect(result.entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of result.entries) {
      expect(entry.id).toBe(1);
      expect(entry.title.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.link).toMatch(new RegExp(`^${run.t.config.baseUrl}/${lang}/`));
    }
    expect(result.entries.map((e) => e.link)).toContain(`${run.t.config.baseUrl}/${lang}/news/inaes-webinars-2020`);
  });

  it('stays well-formed with markup, ampersands and control characters in a title', async () => {
    const db = run.t.app.ctx.db;
    const title = { en: { text: 'A <b>bold</b> & "quoted" \u0001 title ]]>', status: 'original', updatedAt: new Date().toISOString() } };
    await db.updateTable('news_items').set({ title: JSON.stringify(title) }).where('slug', '=', 'inaes-webinars-2020').execute();
    await run.t.app.ctx.pageCache.invalidate();
    const page = await run.newPage();
    await page.goto('/en/news');
    const parsed = await page.evaluate(async () => {
      const doc = new DOMParser().parseFromString(await (await fetch('/en/feed.xml')).text(), 'application/xml');
      return { error: doc.getElementsByTagName('parsererror').length, titles: Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')).map((t) => t.textContent) };
    });
    expect(parsed.error).toBe(0);
    expect(parsed.titles).toContain('A <b>bold</b> & "quoted"  title ]]>');
  });
});
