import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let editor: Page;
let contact: Page;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'e2e-records@example.org', ['editor']);
  editor = await run.newPage();
  await signInWithForm(editor, 'e2e-records@example.org');
  // A contact of Bamako, with a change to its public profile waiting for the secretariat.
  const contactId = await createUser(run.t.app, 'e2e-contact@example.org', ['member_contact']);
  const db = run.t.app.ctx.db;
  const bamako = await db.selectFrom('members').select('id').where('slug', '=', 'bamako').executeTakeFirstOrThrow();
  await db.insertInto('member_contacts').values({ user_id: contactId, member_id: bamako.id, invited_by: null }).execute();
  await db.insertInto('member_profile_changes').values({ member_id: bamako.id, proposed: JSON.stringify({ description: { lang: 'fr', text: 'La ville soutient les coopératives.' }, website: 'https://bamako.example.ml' }), proposed_by: contactId }).execute();
  contact = await run.newPage();
  await signInWithForm(contact, 'e2e-contact@example.org');
});
afterAll(() => run?.close());

const CSV = '\uFEFFname,name_lang,kind,category,city,country,joined_on\r\nVille de Bamako,fr,local_government,city,Bamako,ML,2016-09-07\r\nVille de Nulle-Part,fr,local_government,city,Nulle-Part,Atlantide,2017-01-01\r\n,fr,local_government,city,Lyon,FR,2017-01-01\r\n';

describe.each(LANGS)('member records in the back-office, in %s', (lang) => {
  it('the new-member form, and its errors after an empty submission', async () => {
    await expectNoViolations(editor, `/${lang}/admin/members/new`);
    await Promise.all([editor.waitForURL(`**/${lang}/admin/members/new`), editor.locator('main form button[type=submit]').click()]);
    expect(await editor.locator('.error-summary li').count()).toBeGreaterThan(2);
    expect(await axeViolations(editor)).toEqual([]);
  });

  it('the record form of a member', () => expectNoViolations(editor, `/${lang}/admin/members/bamako/record`));

  it('the merge form', () => expectNoViolations(editor, `/${lang}/admin/organisations/merge`));

  it('the import form, and the dry run’s report of rejected rows', async () => {
    await expectNoViolations(editor, `/${lang}/admin/members/import`);
    await editor.locator('#file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await Promise.all([editor.waitForURL(`**/${lang}/admin/members/import`), editor.locator('button[value=dry_run]').click()]);
    expect(await editor.locator('tr.rejected-row').count()).toBe(3);
    expect(await editor.locator('tr.rejected-row td:first-child').allTextContents()).toEqual(['2', '3', '4']);
    expect(await axeViolations(editor)).toEqual([]);
  });

  it('the mandates page with the form of the title', () => expectNoViolations(editor, `/${lang}/admin/mandates`));
});

describe.each(LANGS)('the member space in %s', (lang) => {
  it('a contact’s list of members and its member’s page with the profile form', async () => {
    await expectNoViolations(contact, `/${lang}/my-member`);
    await expectNoViolations(contact, `/${lang}/my-member/bamako`);
    await expectNoViolations(contact, `/${lang}/my-member/seoul`, 404);
  });

  it('the secretariat’s page of the member’s contacts and the change waiting', async () => {
    await expectNoViolations(editor, `/${lang}/admin/members/bamako/space`);
    expect(await editor.locator('.pending-changes li').count()).toBe(1);
  });
});

describe('with the keyboard alone', () => {
  it('adds an existing member: focus each field, type or choose, and send with Enter', async () => {
    await editor.goto('/en/admin/members/new');
    await editor.locator('#name').focus();
    await editor.keyboard.type('Ville de Grenoble');
    for (const [id, value] of [['#kind', 'local_government'], ['#category', 'city'], ['#country', 'FR']] as const) await editor.locator(id).selectOption(value);
    await editor.locator('#city').focus();
    await editor.keyboard.type('Grenoble');
    await editor.locator('#joined_on').focus();
    await editor.keyboard.type('2016-09-07');
    await Promise.all([editor.waitForURL('**/en/admin/members/ville-de-grenoble'), editor.keyboard.press('Enter')]);
    expect(await editor.locator('h1').textContent()).toBe('Ville de Grenoble');
  });
});
