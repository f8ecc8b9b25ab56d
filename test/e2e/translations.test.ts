import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setText, type Translatable } from '../../src/i18n/translatable.ts';
import { createUser } from '../helpers.ts';
import { axeViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

/**
 * The translation queue, the side-by-side editor, the dashboard (src/translations/queue) and an
 * XLIFF round trip (src/translations/xliff) in a real browser.
 */
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

describe('the translation editor’s shortcut', () => {
  it('saves and opens the next text with Ctrl+Enter in the text', async () => {
    await page.goto(unitPath);
    await page.locator('#text').fill('Guardada con Ctrl+Intro');
    // "Save and next" leaves the unit (for the next one, or the queue when none is left); "Save" would stay.
    await Promise.all([page.waitForURL((url) => url.pathname !== unitPath.split('?')[0]), page.keyboard.press('Control+Enter')]);
    const [, , , , , tbl, key, col] = unitPath.split('?')[0]!.split('/');
    const saved = await run.t.app.ctx.db.selectFrom(tbl as 'initiatives').select(col as 'title').where(tbl === 'initiatives' ? 'id' : ('slug' as 'id'), '=', tbl === 'initiatives' ? Number(key) : (key as unknown as number)).executeTakeFirst();
    expect(JSON.stringify(saved)).toContain('Guardada con Ctrl+Intro');
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

/** Where the round trip leaves its translated file, for the report pages of the four languages. */
let translatedFile: string | undefined;

const titleOf = async (id: string) =>
  (await sql<{ title: Translatable; slug: string }>`SELECT title, slug FROM initiatives WHERE id = ${Number(id)}`.execute(run.t.app.ctx.db)).rows[0]!;

/** Fills one unit's <target>, as an outside translator's tool would. */
function fillTarget(xml: string, id: string, text: string): string {
  const unit = new RegExp(`(<unit id="${id}">[\\s\\S]*?</source>)`);
  expect(xml).toMatch(unit);
  return xml.replace(unit, `$1<target>${text}</target>`);
}

describe('an XLIFF round trip in the browser', () => {
  it('exports the queue’s filter, imports the translated file, and the drafts show in the queue, the editor and the public page', async () => {
    // From the queue filtered to Spanish, missing, one module, to the export form, which keeps that filter.
    await page.goto('/en/admin/translations?lang=es&module=initiatives&state=missing');
    await Promise.all([page.waitForURL(/\/admin\/translations\/export/), page.getByRole('link', { name: 'Export as XLIFF' }).click()]);
    const form = page.locator('form[action="/en/admin/translations/export"]');
    expect(await form.locator('input[type=hidden][name=module]').getAttribute('value')).toBe('initiatives');
    expect(await form.locator('input[type=hidden][name=state]').getAttribute('value')).toBe('missing');
    expect(await page.locator('#x-lang').inputValue()).toBe('es');
    await page.getByLabel('Language of the originals').selectOption('fr');
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download the file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^translations-fr-es-\d{4}-\d\d-\d\d\.xlf$/);
    const xml = await fs.readFile((await download.path())!, 'utf8');
    expect(xml).toContain('srcLang="fr" trgLang="es"');
    const ids = [...xml.matchAll(/<unit id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.every((id) => /^(initiatives|initiative_themes|programme_workshops|programme_events)~[^~]+~[a-z_]+~es~[0-9a-f]{16}$/.test(id))).toBe(true);

    // Two titles translated; a third translated too, but its original changes before the import.
    const [first, second, stale] = ids.filter((id) => /^initiatives~\d+~title~es~/.test(id)) as [string, string, string];
    expect(stale).toBeDefined();
    let edited = fillTarget(xml, first, 'Primera traducción de la agencia');
    edited = fillTarget(edited, second, 'Segunda traducción &amp; revisada');
    edited = fillTarget(edited, stale, 'Traducción de un original viejo');
    translatedFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'xliff-e2e-')), 'batch.xlf');
    await fs.writeFile(translatedFile, edited);
    const staleKey = stale.split('~')[1]!;
    const before = (await titleOf(staleKey)).title;
    await sql`UPDATE initiatives SET title = ${JSON.stringify(setText(before, 'fr', `${before.fr!.text} (révisé)`, 'original'))}::jsonb WHERE id = ${Number(staleKey)}`.execute(run.t.app.ctx.db);

    // The import form, by keyboard: the file input opens the file chooser, then the button sends it.
    await page.goto('/en/admin/translations');
    await Promise.all([page.waitForURL(/\/admin\/translations\/import$/), page.getByRole('link', { name: 'Import a translated XLIFF file' }).click()]);
    // A click on the heading moves the start of sequential focus navigation there, as a reader's would.
    await page.locator('#main h1').click();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'x-file');
    }
    expect(reached).toBe(true);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(translatedFile);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
    await Promise.all([page.waitForLoadState('load'), page.waitForSelector('[data-report]'), page.keyboard.press('Enter')]);

    // The report: two applied, one refused because its original changed, the rest left untranslated.
    const resultOf = (id: string) => page.locator(`tr[data-unit="${id}"] td`).nth(1).textContent();
    expect(await resultOf(first)).toBe('applied as a draft');
    expect(await resultOf(second)).toBe('applied as a draft');
    expect(await resultOf(stale)).toBe('refused: the original changed since the export');
    expect(await page.locator('li[data-outcome=applied]').textContent()).toBe('Applied as drafts: 2');
    expect(await page.locator('li[data-outcome=source_changed]').textContent()).toBe('Refused, the original changed since the export: 1');
    expect(await page.locator('li[data-outcome=empty]').textContent()).toBe(`Left untranslated: ${ids.length - 3}`);
    expect((await titleOf(staleKey)).title.es).toBeUndefined();

    // The queue lists the two as drafts; the editor shows the imported text.
    const firstKey = first.split('~')[1]!;
    const secondKey = second.split('~')[1]!;
    await page.goto('/en/admin/translations?lang=es&module=initiatives&state=human');
    for (const key of [firstKey, secondKey]) {
      const row = page.locator(`tr[data-unit="initiatives:${key}:title:es"]`);
      expect(await row.locator('td').nth(3).textContent()).toBe('Draft');
    }
    await page.goto(`/en/admin/translations/unit/initiatives/${secondKey}/title/es`);
    expect(await page.locator('#text').inputValue()).toBe('Segunda traducción & revisada');
    expect(await page.locator('#main').textContent()).toContain('Draft');

    // The public page in Spanish shows the draft, without a machine or fallback notice.
    const { slug, title } = await titleOf(firstKey);
    expect(title.es).toMatchObject({ text: 'Primera traducción de la agencia', status: 'human' });
    const visitor = await run.newPage({ viewport: { width: 1280, height: 900 } });
    expect((await visitor.goto(`/es/initiatives/${slug}`))?.status()).toBe(200);
    expect(await visitor.locator('h1').first().textContent()).toBe('Primera traducción de la agencia');
    expect(await visitor.locator('.content-notice').count()).toBe(0);
    await visitor.context().close();
  }, AXE_TIME);
});

describe.each(LANGS)('the XLIFF pages in %s at 360 px', (lang) => {
  it('have no axe violations: the export form and the import report', async () => {
    const phone = await run.newPage({ viewport: { width: 360, height: 740 } });
    await signInWithForm(phone, 'translator-e2e@example.org', undefined, lang);
    const exportPath = `/${lang}/admin/translations/export?lang=es&module=initiatives&state=missing`;
    expect((await phone.goto(exportPath))?.status()).toBe(200);
    expect(await axeViolations(phone), exportPath).toEqual([]);
    // The report of the round trip's file sent again (in this language): its units are now unchanged or refused.
    expect(translatedFile).toBeDefined();
    await phone.goto(`/${lang}/admin/translations/import`);
    await phone.locator('#x-file').setInputFiles(translatedFile!);
    await Promise.all([phone.waitForSelector('[data-report]'), phone.locator(`form[action="/${lang}/admin/translations/import"] button[type=submit]`).click()]);
    expect(await phone.locator('li[data-outcome=unchanged]').textContent()).toMatch(/2/);
    expect(await axeViolations(phone), `${lang} import report`).toEqual([]);
    await phone.context().close();
  }, 2 * AXE_TIME);
});
