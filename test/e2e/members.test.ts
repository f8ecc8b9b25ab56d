import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, SAMPLE_FILES } from '../helpers.ts';
import { saveApplication } from '../../src/members/applications.ts';
import { axeViolations, expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let visitor: Page;
let editor: Page;
let applicationId = 0;
let meetingId = 0;

beforeAll(async () => {
  run = await startBrowserRun();
  await createUser(run.t.app, 'e2e-secretariat@example.org', ['editor']);
  await createUser(run.t.app, 'e2e-chair@example.org', ['steering_committee']);
  visitor = await run.newPage();
  editor = await run.newPage();
  await signInWithForm(editor, 'e2e-secretariat@example.org');
  applicationId = (await saveApplication(run.t.app.ctx, {
    token: null,
    lang: 'es',
    submit: true,
    files: [],
    data: { organisation_name: 'Municipio de Cuenca', email: 'cuenca@example.org', kind: 'local_government', category: 'city', country: 'EC', city: 'Cuenca', website: '', focal_name: 'Ana', focal_phone: '', head_name: '', head_title: '', general_email: '', signatory_name: 'Ana', signatory_title: 'Alcaldesa', sse_situation: 'Cooperativas.', intent: 'submit' },
  })).id;
  // A public attachment of a published meeting with its summary: listed on the governance page and in the back-office.
  const db = run.t.app.ctx.db;
  const meeting = await db.selectFrom('meetings').select('id').where('slug', '=', 'steering-committee-2019-q1').executeTakeFirstOrThrow();
  meetingId = meeting.id;
  await db.updateTable('meetings').set({ published: true, summary: JSON.stringify({ en: { text: 'The committee met online.', status: 'original' } }), summary_published: true }).where('id', '=', meeting.id).execute();
  await db.insertInto('meeting_attachments').values({ meeting_id: meeting.id, file_key: await run.t.app.ctx.files.put(SAMPLE_FILES.pdf), file_name: 'agenda.pdf', mime: 'application/pdf', size: SAMPLE_FILES.pdf.length, public: true, uploaded_by: null }).execute();
});
afterAll(() => run?.close());

describe.each(LANGS)('members and governance pages in %s', (lang) => {
  it('the directory shows the seed data, with no axe violation', async () => {
    await expectNoViolations(visitor, `/${lang}/members`);
    expect(await visitor.locator('#members-caption').textContent()).toBe({
      en: '24 members and 1 partner or honorary member',
      fr: '24 membres et 1 partenaire ou membre d’honneur',
      es: '24 miembros y 1 socio o miembro honorario',
      ko: '회원 24곳, 파트너·명예 회원 1곳',
    }[lang]);
    expect(await visitor.locator('.members tbody tr').count()).toBe(20);
  });

  it('the filtered directory', () => expectNoViolations(visitor, `/${lang}/members?region=africa&kind=local_government&sort=country`));

  it('a member page', async () => {
    await expectNoViolations(visitor, `/${lang}/members/bamako`);
    expect(await visitor.locator('h1').textContent()).toBe({ en: 'City of Bamako', fr: 'Ville de Bamako', es: 'Ciudad de Bamako', ko: '바마코시' }[lang]);
  });

  it('the governance page shows the committee and the 2019 meetings', async () => {
    await expectNoViolations(visitor, `/${lang}/governance`);
    expect(await visitor.locator('section[aria-labelledby="body-steering-committee"] li').count()).toBe(13);
    expect(await visitor.locator('.governance-meetings .card').count()).toBe(6);
  });

  it('the application form, and its validation errors', async () => {
    await expectNoViolations(visitor, `/${lang}/join`);
    await Promise.all([visitor.waitForURL(`**/${lang}/join`), visitor.locator('.join-form button[value=submit]').click()]);
    expect(await visitor.locator('.error-summary li').count()).toBeGreaterThan(3);
    expect(await axeViolations(visitor)).toEqual([]);
  });

  it('the back-office membership pages', async () => {
    await expectNoViolations(editor, `/${lang}/admin/membership`);
    await expectNoViolations(editor, `/${lang}/admin/applications`);
    await expectNoViolations(editor, `/${lang}/admin/members/bamako`);
  });

  it('the back-office application, mandates and meetings pages', async () => {
    await expectNoViolations(editor, `/${lang}/admin/applications/${applicationId}`);
    await expectNoViolations(editor, `/${lang}/admin/mandates`);
    await expectNoViolations(editor, `/${lang}/admin/meetings`);
    await editor.getByRole('link').filter({ hasText: /2019/ }).first().click();
    await editor.waitForURL(/\/admin\/meetings\/\d+$/);
    expect(await axeViolations(editor)).toEqual([]);
  });

  it('a meeting with attachments, the governance page listing the public one, and the disqualification form with its errors', async () => {
    await expectNoViolations(editor, `/${lang}/admin/meetings/${meetingId}`);
    expect(await editor.locator('.governance-attachments li').count()).toBe(1);
    await expectNoViolations(visitor, `/${lang}/governance`);
    expect(await visitor.locator(`.governance-attachments a[href^="/media/governance/attachments/"]`).count()).toBe(1);
    await editor.goto(`/${lang}/admin/members/seoul`);
    await Promise.all([editor.waitForURL(`**/${lang}/admin/members/seoul/disqualify`), editor.locator('form[action$="/disqualify"] button[type=submit]').click()]);
    expect(await editor.locator('.error-summary li').count()).toBe(3);
    expect(await axeViolations(editor)).toEqual([]);
  });
});

describe('the membership cycle in Chromium', () => {
  it('goes from the application to an active member, then to a withdrawal', async () => {
    const applicant = await run.newPage();
    await applicant.goto('/fr/join');
    const form = applicant.locator('.join-form');
    await form.locator('#organisation_name').fill('Ville de Ziguinchor');
    await form.locator('#kind').selectOption('local_government');
    await form.locator('#category').selectOption('city');
    await form.locator('#country').selectOption('SN');
    await form.locator('#city').fill('Ziguinchor');
    await form.locator('#focal_name').fill('Fatou Sané');
    await form.locator('#email').fill('fatou@ziguinchor.example.org');
    await form.locator('#signatory_name').fill('Fatou Sané');
    await form.locator('#signatory_title').fill('Adjointe au maire');
    await form.locator('#sse_situation').fill('Des coopératives agricoles et un réseau local de l’ESS actif.');
    await form.locator('#documents').setInputFiles({ name: 'deliberation.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf });
    await Promise.all([applicant.waitForURL(/\/fr\/join\/[^/?]+\?notice=submitted$/), form.locator('button[value=submit]').click()]);
    expect(await applicant.locator('[role=status]').textContent()).toContain('votre candidature a été transmise au secrétariat');
    expect(await applicant.locator('li', { hasText: 'deliberation.pdf' }).count()).toBe(1);

    // The secretariat reviews it.
    await editor.goto('/en/admin/applications?status=submitted');
    await Promise.all([editor.waitForURL(/\/admin\/applications\/\d+$/), editor.getByRole('link', { name: 'Ville de Ziguinchor' }).click()]);
    const applicationUrl = editor.url();
    await editor.locator('form[action$="/review"] #status').selectOption('recommended');
    await Promise.all([editor.waitForURL(applicationUrl), editor.locator('form[action$="/review"] button').click()]);
    expect(await editor.locator('main p strong').first().textContent()).toBe('Recommended');

    // The steering committee decides at its October meeting, by consensus.
    const chair = await run.newPage();
    await signInWithForm(chair, 'e2e-chair@example.org');
    await chair.goto(applicationUrl);
    const decision = chair.locator('form[action$="/decision"]');
    const meetingValue = await decision.locator('#meeting_id option').nth(1).getAttribute('value');
    await decision.locator('#meeting_id').selectOption(meetingValue!);
    await decision.locator('#outcome').selectOption('approved');
    await decision.locator('#method').selectOption('consensus');
    await Promise.all([chair.waitForURL(applicationUrl), decision.locator('button').click()]);
    expect(await chair.locator('main p strong').first().textContent()).toBe('Approved');

    // The secretariat records the fee: full membership starts.
    await editor.goto(applicationUrl);
    await Promise.all([editor.waitForURL(/\/admin\/members\/ville-de-ziguinchor$/), editor.getByRole('link', { name: 'Manage this membership' }).click()]);
    expect(await editor.locator('.member-status').textContent()).toBe('Approved, fee pending');
    await editor.locator('form[action$="/fee"] #fee').selectOption('paid');
    await Promise.all([editor.waitForURL(/\/admin\/members\/ville-de-ziguinchor$/), editor.locator('form[action$="/fee"] button').click()]);
    expect(await editor.locator('.member-status').textContent()).toBe('Active');
    expect(await editor.locator('.member-fee').textContent()).toBe('Paid');

    // Then withdraws on written request.
    const end = editor.locator('form[action$="/end"]');
    await end.locator('#outcome').selectOption('withdrawn');
    await end.locator('#reason').fill('Letter of 3 March');
    await Promise.all([editor.waitForURL(/\/admin\/members\/ville-de-ziguinchor$/), end.locator('button').click()]);
    expect(await editor.locator('.member-status').textContent()).toBe('Withdrawn');
    expect(await editor.locator('.members-timeline li strong').allTextContents()).toEqual([
      'Application started',
      'Application submitted',
      'Secretariat recommended the application',
      'Steering committee approved',
      'Membership fee paid',
      'Full membership started',
      'Withdrawal',
    ]);
    const publicPage = await run.newPage();
    await publicPage.goto('/en/members?status=withdrawn');
    expect(await publicPage.getByRole('link', { name: 'Ville de Ziguinchor' }).count()).toBe(1);
    await applicant.context().close();
    await chair.context().close();
    await publicPage.context().close();
  });
});
