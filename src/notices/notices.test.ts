import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { LANGS } from '../i18n/langs.ts';
import { saveApplication } from '../members/applications.ts';
import { recordDeliveryBounce } from '../newsletter/bounces.ts';
import { addActiveSubscribers } from '../newsletter/testing.ts';
import { noticeStaff, sendDigests } from './domain.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
let editor: Visitor;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
  await createUser(t.app, 'notice-editor@example.org', ['editor']);
  await createUser(t.app, 'notice-reviewer@example.org', ['reviewer']);
  await createUser(t.app, 'notice-translator@example.org', ['translator']);
  await t.app.ctx.db.updateTable('users').set({ lang: 'fr' }).where('email', '=', 'notice-reviewer@example.org').execute();
  editor = await signIn(t.app, 'notice-editor@example.org');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to?.[0]?.address === address);

function applyAs(name: string) {
  return saveApplication(t.app.ctx, {
    token: null, lang: 'en', submit: true, files: [],
    data: { organisation_name: name, email: 'applicant@example.org', kind: 'local_government', category: 'city', country: 'FR', city: 'Lyon', website: '', focal_name: 'A', focal_phone: '', head_name: '', head_title: '', general_email: '', signatory_name: 'A', signatory_title: 'B', sse_situation: 'C', intent: 'submit' },
  });
}

const choose = (visitor: Visitor, lang: string, choices: Record<string, string>) => visitor.post(`/${lang}/account/notices`, choices);

describe('notices to staff', () => {
  it('offers each person only the events their roles act on, in four languages, and keeps their choice', async () => {
    for (const lang of LANGS) {
      const page = await editor.get(`/${lang}/account/notices`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="application.received"');
    }
    expect((await editor.get('/ko/account/notices')).body).toContain('매번 메일 받기');
    const translator = await signIn(t.app, 'notice-translator@example.org');
    const none = await translator.get('/en/account/notices');
    expect(none.body).not.toContain('name="application.received"');
    expect(none.body).toContain('Your roles receive no notices.');
    expect((await choose(editor, 'en', { 'application.received': 'each', 'news.contribution': 'off' })).statusCode).toBe(200);
    const saved = (await editor.get('/en/account/notices')).body;
    expect(saved).toMatch(/name="application.received" value="each" checked/);
    expect(saved).toMatch(/name="news.contribution" value="off" checked/);
  });

  it('refuses an unknown choice with a 400 naming it in the reader’s language, and changes nothing', async () => {
    const refused = await choose(editor, 'es', { 'application.received': 'hourly' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Una de las opciones no es válida');
    expect((await editor.get('/en/account/notices')).body).toMatch(/name="application.received" value="each" checked/);
    const noToken = await editor.post('/en/account/notices', { 'application.received': 'off' }, { csrf: false });
    expect(noToken.statusCode).toBe(403);
  });

  it('mails a new application at once to who asked for that, in their language, and to the others in the digest', async () => {
    const before = mailsTo('notice-editor@example.org').length;
    const saved = await applyAs('Ville de\nNotices');
    await t.app.ctx.jobs.drain();
    const [mail, ...more] = mailsTo('notice-editor@example.org').slice(before);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('New membership application');
    expect(mail!.text).toContain('Ville de Notices\n');
    expect(mail!.text).toContain(`http://passerelle.test/en/admin/applications/${saved.id}`);
    expect(mailsTo('notice-reviewer@example.org')).toEqual([]);

    expect(await sendDigests(t.app.ctx)).toBeGreaterThanOrEqual(1);
    await t.app.ctx.jobs.drain();
    const [digest] = mailsTo('notice-reviewer@example.org');
    expect(digest!.subject).toMatch(/^Votre résumé du jour/);
    expect(digest!.text).toContain(`http://passerelle.test/fr/admin/applications/${saved.id}`);
    // The editor takes applications one by one, so the digest does not repeat them.
    expect(mailsTo('notice-editor@example.org').some((m) => m.text?.includes(`/en/admin/applications/${saved.id}`) && m.subject !== 'New membership application')).toBe(false);
    // A second run has nothing new: no second digest.
    await sendDigests(t.app.ctx);
    await t.app.ctx.jobs.drain();
    expect(mailsTo('notice-reviewer@example.org')).toHaveLength(1);
  });

  it('names a full event in each reader’s own language, at once and in the digest', async () => {
    await createUser(t.app, 'notice-events-fr@example.org', ['editor']);
    await createUser(t.app, 'notice-events-ko@example.org', ['editor']);
    const db = t.app.ctx.db;
    await db.updateTable('users').set({ lang: 'fr' }).where('email', '=', 'notice-events-fr@example.org').execute();
    await db.updateTable('users').set({ lang: 'ko' }).where('email', '=', 'notice-events-ko@example.org').execute();
    const french = await signIn(t.app, 'notice-events-fr@example.org');
    expect((await choose(french, 'fr', { 'registration.full': 'each' })).statusCode).toBe(200);
    await sendDigests(t.app.ctx); // the Korean editor's first digest: what came before is not repeated
    const title = { en: { text: 'Full forum', status: 'original' as const, updatedAt: '' }, fr: { text: 'Forum complet', status: 'human' as const, updatedAt: '' }, ko: { text: '마감된 포럼', status: 'human' as const, updatedAt: '' } };
    await db.transaction().execute((trx) => noticeStaff(trx, t.app.ctx, 'registration.full', { subject: title, path: '/admin/activities/full-forum/registrations' }));
    await sendDigests(t.app.ctx);
    await t.app.ctx.jobs.drain();
    const atOnce = mailsTo('notice-events-fr@example.org').filter((mail) => mail.text?.includes('/fr/admin/activities/full-forum/registrations'));
    expect(atOnce).toHaveLength(1);
    expect(atOnce[0]!.text).toContain('Forum complet\nhttp://passerelle.test/fr/admin/activities/full-forum/registrations');
    const digests = mailsTo('notice-events-ko@example.org').filter((mail) => mail.text?.includes('/ko/admin/activities/full-forum/registrations'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain('- 정원이 찬 행사에 대한 등록(대기자 명단) 마감된 포럼');
    expect(digests[0]!.text).not.toContain('Full forum');
    const [row] = await db.selectFrom('staff_notices').select('subject').where('path', '=', '/admin/activities/full-forum/registrations').execute();
    expect(row!.subject).toBe('Full forum');
  });

  it('tells the newsletter’s staff once when an issue’s bounces reach a spike', async () => {
    const db = t.app.ctx.db;
    const issue = await db.insertInto('newsletter_issues').values({ number: 900, slug: '2026-11-9', issue_date: '2026-11-01', source_lang: 'en', fallback_lang: 'en', status: 'sent', sent_at: new Date() })
      .returning('id').executeTakeFirstOrThrow();
    const emails = Array.from({ length: 12 }, (_, i) => `spike-${i}@example.org`);
    const subscribers = await addActiveSubscribers(db, emails.map((email) => ({ email, lang: 'en' as const })));
    await db.insertInto('newsletter_deliveries').values(emails.map((email, i) => ({ issue_id: issue.id, subscriber_id: subscribers[i]!, email, lang: 'en', status: 'sent', message_id: `<spike-${i}@passerelle.test>` }))).execute();
    for (const email of emails) await recordDeliveryBounce(t.app.ctx, { email, type: 'temporary' });
    const notices = await db.selectFrom('staff_notices').selectAll().where('event', '=', 'newsletter.bounces').execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.path).toBe(`/admin/newsletter/${issue.id}`);
    expect(notices[0]!.subject).toBe('10 / 12');
  });

  it('shows on the back-office home what waits on each person, linked, instead of only a list of pages', async () => {
    const home = await editor.get('/fr/admin');
    expect(home.body).toContain('Ce qui vous attend');
    expect(home.body).toMatch(/<a href="\/fr\/admin\/applications\?status=submitted">\d+ demandes? à examiner<\/a>/);
    const translator = await signIn(t.app, 'notice-translator@example.org');
    const theirs = (await translator.get('/en/admin')).body;
    expect(theirs).not.toContain('applications to review');
    expect(theirs).toMatch(/texts? to translate or check|Nothing waits for you/);
  });
});
