import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { original, translated } from '../../src/i18n/translatable.ts';
import { insertCall } from '../calls-fixtures.ts';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const AXE_TIME = 120_000;
const PHONE = { viewport: { width: 360, height: 780 } };

let run: BrowserRun;
let visitor: Page;
let editor: Page;
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

beforeAll(async () => {
  run = await startBrowserRun();
  const db = run.t.app.ctx.db;
  const forum = await db.selectFrom('activities').select('id').where('slug', '=', 'gsef2018-bilbao').executeTakeFirstOrThrow();
  const callId = await insertCall(db, {
    slug: 'axe-call', activity_id: forum.id, time_zone: 'Europe/Madrid',
    title: JSON.stringify(translated('fr', { fr: 'Appel à initiatives', en: 'Call for initiatives' })),
    body: JSON.stringify(original('fr', 'Un texte assez long pour faire plusieurs lignes sur un petit écran de téléphone.')),
  });
  await db.insertInto('call_questions').values([
    { call_id: callId, position: 1, kind: 'text', label: JSON.stringify(original('fr', 'Décrivez votre initiative')), required: true, max_length: 1500 },
    { call_id: callId, position: 2, kind: 'choice', label: JSON.stringify(original('fr', 'Type')), choices: JSON.stringify([{ value: 'ville', label: original('fr', 'Ville') }, { value: 'reseau', label: original('fr', 'Réseau') }]) },
  ]).execute();
  await createUser(run.t.app, 'calls-axe@example.org', ['editor']);
  visitor = await run.newPage(PHONE);
  editor = await run.newPage(PHONE);
  await signInWithForm(editor, 'calls-axe@example.org');
}, AXE_TIME);
afterAll(() => run?.close());

describe.each(LANGS)('calls at 360 px in %s', (lang) => {
  it('the public call page and the published GSEF2018 call are axe clean, with no sideways scroll', async () => {
    await expectNoViolations(visitor, `/${lang}/calls/axe-call`);
    expect(await noSideScroll(visitor)).toBe(true);
    await expectNoViolations(visitor, `/${lang}/calls/gsef2018-bilbao`);
    await expectNoViolations(visitor, `/${lang}/calls`);
  }, AXE_TIME);

  it('the back-office edit form is axe clean, and so are its errors', async () => {
    await expectNoViolations(editor, `/${lang}/admin/calls/axe-call`);
    expect(await noSideScroll(editor)).toBe(true);
    await editor.fill('#time_zone', 'Mars/Olympus');
    const form = editor.locator(`form[action="/${lang}/admin/calls/axe-call"]`);
    await Promise.all([editor.waitForResponse((r) => r.request().method() === 'POST'), form.locator('button[type=submit]').last().click()]);
    await editor.waitForLoadState();
    expect(await editor.locator('.error-summary li').allTextContents()).toHaveLength(1);
    expect(await editor.locator('#time_zone-error').count()).toBe(1);
    expect(await axeViolations(editor)).toEqual([]);
  }, AXE_TIME);
});
