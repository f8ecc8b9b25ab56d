import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let visitor: Page;
let editor: Page;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'e2e-programme@example.org', ['editor']);
  // A seeded event opens registration for the journeys: two seats, then a waiting list.
  await run.t.app.ctx.db
    .updateTable('activities')
    .set({ registration_open: true, capacity: 2, waiting_list: true, registration_closes: '2099-12-31' })
    .where('slug', 'in', ['gsef2016-montreal', 'gsef2014-seoul'])
    .execute();
  visitor = await run.newPage();
  editor = await run.newPage();
  await signInWithForm(editor, 'e2e-programme@example.org');
});
afterAll(() => run?.close());

describe.each(LANGS)('activities pages in %s have no axe violation', (lang) => {
  it('the filtered listing', () => expectNoViolations(visitor, `/${lang}/activities?type=policy_dialogue&year=2019`));
  it('an activity page with partners, resources and related items', () => expectNoViolations(visitor, `/${lang}/activities/senegal-national-capacity-building-2019`));
  it('an activity page with sub-events', () => expectNoViolations(visitor, `/${lang}/activities/inaes-webinar-series-2020`));
  it('a series page', () => expectNoViolations(visitor, `/${lang}/activities/series/asia-policy-dialogue`));
  it('the calendar, year view', () => expectNoViolations(visitor, `/${lang}/calendar?year=2019`));
  it('the calendar, month view', () => expectNoViolations(visitor, `/${lang}/calendar?year=2019&month=2`));
  it('the calendar, a year with activities known only by their year', () => expectNoViolations(visitor, `/${lang}/calendar?year=2018`));
  it('an activity known only by its year', () => expectNoViolations(visitor, `/${lang}/activities/wuf9-session-2018`));
  it('the registration form', () => expectNoViolations(visitor, `/${lang}/activities/gsef2014-seoul/register`));
  it('the back-office activity form', () => expectNoViolations(editor, `/${lang}/admin/activities/global-youth-camp-2019/edit`));
  it('the back-office texts in every language', () => expectNoViolations(editor, `/${lang}/admin/activities/gsef2016-montreal/texts`));
  it('the back-office organisers and partners', () => expectNoViolations(editor, `/${lang}/admin/activities/senegal-national-capacity-building-2019/organisations`));
});

const CHECK_MAILBOX: Record<string, string> = { en: 'Check your mailbox', fr: 'Consultez votre messagerie', es: 'Revise su correo' };

describe('registration journey', () => {
  it('registers, gets the waiting list when full, and is promoted when someone cancels', async () => {
    const register = async (page: Page, lang: string, name: string, email: string) => {
      await page.goto(`/${lang}/activities/gsef2016-montreal`);
      await Promise.all([page.waitForURL(`**/${lang}/activities/gsef2016-montreal/register`), page.locator('a.button').click()]);
      await page.locator('#name').fill(name);
      await page.locator('#email').fill(email);
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('form[action$="/register"] button[type=submit]').click()]);
      await page.waitForLoadState();
      // No seat yet: the address is sent a link, opened here as from the mailbox, and confirmed with its button.
      expect(await page.locator('h1').textContent()).toBe(CHECK_MAILBOX[lang]);
      expect(await axeViolations(page)).toEqual([]);
      const sent = await run.t.app.ctx.db.selectFrom('outgoing_mail').select('text_body').where('to_address', '=', email).where('purpose', '=', 'registration.address').executeTakeFirstOrThrow();
      await page.goto(/http:\/\/passerelle\.test(\/\w\w\/registrations\/[^/\s]+\/confirm)/.exec(sent.text_body)![1]!);
      expect(await axeViolations(page)).toEqual([]);
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('form[action$="/confirm"] button[type=submit]').click()]);
      await page.waitForLoadState();
      return page.locator('h1').textContent();
    };
    const first = await run.newPage();
    expect(await register(first, 'fr', 'Awa', 'awa@example.org')).toBe('Vous êtes inscrit·e');
    expect(await axeViolations(first)).toEqual([]);
    expect(await register(await run.newPage(), 'en', 'Ben', 'ben@example.org')).toBe('You are registered');
    const third = await run.newPage();
    expect(await register(third, 'es', 'Cruz', 'cruz@example.org')).toBe('Está en la lista de espera');

    // Awa follows the link in her confirmation mail and cancels.
    const mail = await run.t.app.ctx.db.selectFrom('outgoing_mail').select('text_body').where('to_address', '=', 'awa@example.org').where('purpose', '=', 'registration.confirm').executeTakeFirstOrThrow();
    const link = /http:\/\/passerelle\.test(\/fr\/registrations\/[^/\s]+\/cancel)/.exec(mail.text_body)![1]!;
    await first.goto(link);
    expect(await axeViolations(first)).toEqual([]);
    await Promise.all([first.waitForResponse((r) => r.request().method() === 'POST'), first.locator('form[action$="/cancel"] button[type=submit]').click()]);
    await first.waitForLoadState();
    expect(await first.locator('h1').textContent()).toBe('Inscription annulée');

    const statuses = await run.t.app.ctx.db
      .selectFrom('registrations')
      .select(['email', 'status'])
      .where('email', 'in', ['awa@example.org', 'ben@example.org', 'cruz@example.org'])
      .orderBy('email')
      .execute();
    expect(statuses).toEqual([
      { email: 'awa@example.org', status: 'cancelled' },
      { email: 'ben@example.org', status: 'confirmed' },
      { email: 'cruz@example.org', status: 'confirmed' },
    ]);

    // The organiser sees the list and records attendance.
    await editor.goto('/en/admin/activities/gsef2016-montreal/registrations');
    expect(await axeViolations(editor)).toEqual([]);
    await editor.getByLabel('Ben attended').check();
    await Promise.all([editor.waitForResponse((r) => r.request().method() === 'POST'), editor.locator('form[action$="/registrations"] button[type=submit]').click()]);
    await editor.waitForLoadState();
    expect(await editor.locator('p.success').textContent()).toBe('Attendance saved.');
  });
});
