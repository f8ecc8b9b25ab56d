import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSchedule, createFeesForYear } from '../../src/members/fees/domain.ts';
import { original } from '../../src/i18n/translatable.ts';
import { createUser, SAMPLE_FILES } from '../helpers.ts';
import { axeViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

// Issue 15 in a browser: a member contact's space (profile, fees, record) and the back-office pages
// around it, on a 360 px phone in the four languages.
const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const PHONE = { viewport: { width: 360, height: 780 } };

let run: BrowserRun;
let editor: Page;
let contact: Page;
let meetingId = 0;
let activitySlug = '';
let attachmentId = 0;

beforeAll(async () => {
  run = await startBrowserRun();
  const { app } = run.t;
  const db = app.ctx.db;
  const editorId = await createUser(app, 'e2e-space-editor@example.org', ['editor']);
  const contactId = await createUser(app, 'e2e-space-contact@example.org', ['member_contact']);
  const bamako = await db.selectFrom('members').select(['id', 'kind']).where('slug', '=', 'bamako').executeTakeFirstOrThrow();
  await db.insertInto('member_contacts').values({ user_id: contactId, member_id: bamako.id, invited_by: editorId }).execute();
  // A fee, with its invoice, as the secretariat's yearly renewal makes it.
  await addSchedule(app.ctx, editorId, { member_kind: bamako.kind, region: null, from_year: 2026, to_year: null, amount_minor: 100000, currency: 'EUR' });
  await createFeesForYear(app.ctx, editorId, 2026);
  // A meeting with a summary and a members-only document, attended by Bamako.
  const meeting = await db.selectFrom('meetings').select(['id', 'body_id']).orderBy('starts_on', 'desc').executeTakeFirstOrThrow();
  meetingId = meeting.id;
  await db.updateTable('meetings').set({ summary: JSON.stringify(original('en', 'The committee admitted two members.')) }).where('id', '=', meeting.id).execute();
  attachmentId = (await db.insertInto('meeting_attachments').values({ meeting_id: meeting.id, file_key: await app.ctx.files.put(SAMPLE_FILES.pdf), file_name: 'members-only.pdf', mime: 'application/pdf', size: SAMPLE_FILES.pdf.length, public: false, uploaded_by: null })
    .returning('id').executeTakeFirstOrThrow()).id;
  const mandate = await db.insertInto('mandates').values({ body_id: meeting.body_id, member_id: bamako.id, role: 'member', starts_on: '2000-01-01', position: 998 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('meeting_attendance').values({ meeting_id: meeting.id, mandate_id: mandate.id, status: 'present' }).execute();
  activitySlug = (await db.selectFrom('activities').select('slug').orderBy('id').executeTakeFirstOrThrow()).slug;

  editor = await run.newPage(PHONE);
  await signInWithForm(editor, 'e2e-space-editor@example.org');
  contact = await run.newPage(PHONE);
  await signInWithForm(contact, 'e2e-space-contact@example.org');
});
afterAll(() => run?.close());

/** Opens the page: 200, nothing axe objects to, and nothing wider than the phone. */
async function check(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(await axeViolations(page), path).toEqual([]);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361).map((e) => `${e.tagName}.${e.className}`));
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways (${wide.slice(0, 5).join(', ')})`).toBeLessThanOrEqual(360);
}

describe('a member contact, with the keyboard alone', () => {
  it('edits the member’s description in one language and sends it with Enter on the button', async () => {
    await contact.goto('/fr/my-member/bamako');
    await contact.locator('#description').focus();
    await contact.keyboard.press('Control+A');
    await contact.keyboard.type('La ville de Bamako accompagne les coopératives de femmes.');
    await contact.locator('#description_lang').focus();
    await contact.keyboard.type('Fran'); // a focused list picks the option its typed letters start
    expect(await contact.locator('#description_lang').inputValue()).toBe('fr');
    for (let i = 0; i < 20; i++) {
      await contact.keyboard.press('Tab');
      if (await contact.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type === 'submit')) break;
    }
    expect(await contact.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await Promise.all([contact.waitForURL('**/fr/my-member/bamako?notice=pending'), contact.keyboard.press('Enter')]);
    const change = await run.t.app.ctx.db.selectFrom('member_profile_changes').select('proposed').where('status', '=', 'pending').executeTakeFirstOrThrow();
    expect(change.proposed.description).toEqual({ lang: 'fr', text: 'La ville de Bamako accompagne les coopératives de femmes.' });
  });

  it('finds the fee with its invoice, a PDF', async () => {
    await contact.goto('/en/my-member/bamako/fees');
    const link = contact.locator('a[href*="/my-member/bamako/fees/documents/"]').first();
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    const response = await contact.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('finds the meetings with their summary and members-only documents in the record', async () => {
    await contact.goto('/en/my-member/bamako/record');
    expect(await contact.locator('main').textContent()).toContain('The committee admitted two members.');
    expect(await contact.locator(`a[href="/en/governance/attachments/${attachmentId}"]`).count()).toBe(1);
  });
});

describe.each(LANGS)('on a 360 px phone in %s, axe finds nothing and nothing scrolls sideways', (lang) => {
  it('the contact’s member page, fees and record', async () => {
    await check(contact, `/${lang}/my-member/bamako`);
    await check(contact, `/${lang}/my-member/bamako/fees`);
    await check(contact, `/${lang}/my-member/bamako/record`);
  });

  it('the editor’s notices, a meeting with its convocation, an activity’s outreach', async () => {
    await check(editor, `/${lang}/account/notices`);
    await check(editor, `/${lang}/admin/meetings/${meetingId}`);
    expect(await editor.locator('#convocation, [id*="convocation"]').count(), 'the convocation section').toBeGreaterThan(0);
    await check(editor, `/${lang}/admin/activities/${activitySlug}/outreach`);
  });

  it('the fees and the statistics of the back-office', async () => {
    await check(editor, `/${lang}/admin/fees`);
    await check(editor, `/${lang}/admin/stats`);
  });
});
