import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall, insertSubmission } from '../calls-fixtures.ts';
import { original } from '../../src/i18n/translatable.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';
import { createUser } from '../helpers.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

let run: BrowserRun;
let page: Page;
const links: Record<string, string> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  run = await startBrowserRun();
  const db = run.t.app.ctx.db;
  const callId = await insertCall(db, { slug: 'e2e-call', max_attachments: 2 });
  await db.insertInto('call_questions').values([
    { call_id: callId, position: 1, kind: 'choice', label: JSON.stringify(original('en', 'Stage')), required: true, choices: JSON.stringify([{ value: 'idea', label: original('en', 'Idea') }, { value: 'running', label: original('en', 'Running') }]) },
    { call_id: callId, position: 2, kind: 'number', label: JSON.stringify(original('en', 'People involved')), min_value: '1', max_value: '1000' },
  ]).execute();
  for (const lang of LANGS) {
    const { id, token } = await insertSubmission(db, callId, { state: 'draft', submitted_at: null, lang, source_lang: lang, presenters: JSON.stringify([{ name: 'Ana Ruiz', organisation: 'Coop', role: 'Chair' }, { name: 'Jo Kim', organisation: '', role: '' }]) });
    links[lang] = `/${lang}/calls/e2e-call/submit/${token}`;
    ids[lang] = id;
  }
  page = await run.newPage(PHONE);
});
afterAll(() => run?.close());

/** Presses Tab until the focused element matches: the keyboard's way to reach a field. */
async function tabTo(selector: string) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.each(LANGS)('the submission pages in %s at 360 px', (lang) => {
  it('the start page, and its errors, with no axe violation', async () => {
    await expectNoViolations(page, `/${lang}/calls/e2e-call/submit`);
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/submit"] button[type=submit]').click()]);
    expect(await page.locator('.error-summary li').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the draft form, and its errors, with no axe violation', async () => {
    await expectNoViolations(page, links[lang]!);
    await page.locator('#links').fill('not a link');
    await Promise.all([page.waitForLoadState('load'), page.locator('.form-actions button[value=submit]').click()]);
    expect(await page.locator('.error-summary li').count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

describe('with the keyboard alone', () => {
  it('starts a submission, then fills and submits the draft form in French', async () => {
    const db = run.t.app.ctx.db;
    await page.goto('/fr/calls/e2e-call/submit');
    await tabTo('#email');
    await page.keyboard.type('clavier@example.org');
    await tabTo('form[action$="/submit"] button[type=submit]');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Consultez votre messagerie');
    const mail = await db.selectFrom('outgoing_mail').select('text_body').where('to_address', '=', 'clavier@example.org').executeTakeFirstOrThrow();
    const link = /http:\/\/passerelle\.test(\/fr\/calls\/e2e-call\/submit\/[\w-]+)/.exec(mail.text_body)![1]!;

    await page.goto(link);
    await tabTo('#title');
    await page.keyboard.type('Cantines solidaires');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Des cantines tenues par les habitants.');
    await tabTo('input[name=themes][value=local-development]');
    await page.keyboard.press('Space');
    await tabTo('#organisation_name');
    await page.keyboard.type('Réseau des cantines');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lyon');
    await page.keyboard.press('Tab');
    await page.keyboard.type('France');
    await tabTo('#presenter_name_0');
    await page.keyboard.type('Camille Durand');
    const questions = await db.selectFrom('call_questions').select(['id', 'kind']).orderBy('position').execute();
    await tabTo(`#q_${questions[0]!.id}`);
    await page.keyboard.press('ArrowDown');
    await tabTo(`#q_${questions[1]!.id}`);
    await page.keyboard.type('25');
    await tabTo('.form-actions button[value=submit]');
    await Promise.all([page.waitForURL(/notice=submitted/), page.keyboard.press('Enter')]);
    expect(await page.locator('[role=status].success').textContent()).toContain('Merci');
    const row = await db.selectFrom('submissions').selectAll().where('email', '=', 'clavier@example.org').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'submitted', country: 'FR', city: 'Lyon', organisation_name: 'Réseau des cantines', themes: ['local-development'], answers: { [questions[0]!.id]: 'idea', [questions[1]!.id]: 25 } });
    expect(row.title?.fr?.text).toBe('Cantines solidaires');
    expect(row.presenters).toEqual([{ name: 'Camille Durand', organisation: '', role: '' }]);
  });
});

describe('autosave', () => {
  it('saves the draft a few seconds after a change, and the next submit carries the new version', async () => {
    const db = run.t.app.ctx.db;
    const row = async () => db.selectFrom('submissions').select(['version', 'title']).where('id', '=', Number(ids.es)).executeTakeFirstOrThrow();
    const before = await row();
    await page.goto(links.es!);
    await page.locator('#title').fill('Huertos comunitarios');
    await page.locator('.autosave-status', { hasText: 'Borrador guardado.' }).waitFor({ timeout: 10_000 });
    const after = await row();
    expect(after.version).toBe(before.version + 1);
    expect(after.title?.es?.text).toBe('Huertos comunitarios');
    expect(await page.locator('input[name=version]').first().inputValue()).toBe(String(after.version));
    // The fixture's row has no coordinates yet, so the notice may be about the city: any notice means saved.
    await Promise.all([page.waitForURL(/notice=/), page.locator('.form-actions button[value=save]').click()]);
    expect((await row()).version).toBe(after.version + 1);
  });
});

describe('the secretariat', () => {
  it.each(LANGS)('the list and a submission in %s, with no axe violation', async (lang) => {
    if (lang === 'en') await createUser(run.t.app, 'e2e-calls@example.org', ['editor']);
    const editor = await run.newPage();
    await signInWithForm(editor, 'e2e-calls@example.org');
    await expectNoViolations(editor, `/${lang}/admin/calls/e2e-call/submissions`);
    await expectNoViolations(editor, `/${lang}/admin/calls/e2e-call/submissions/${ids.fr}`);
    await editor.context().close();
  });
});
