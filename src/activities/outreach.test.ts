import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { registerConfirmed } from '../../test/registration-link.ts';
import { LANGS } from '../i18n/langs.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
let editor: Visitor;
const slug = 'gsef2018-bilbao';
const link = 'https://meet.example.org/gsef-online-session';
const base = `/admin/activities/${slug}/outreach`;

beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
  await t.app.ctx.db.updateTable('activities')
    .set({ format: 'hybrid', registration_open: true, capacity: 1, waiting_list: true, registration_closes: '2099-12-31' })
    .where('slug', '=', slug).execute();
  await createUser(t.app, 'outreach-editor@example.org', ['editor']);
  editor = await signIn(t.app, 'outreach-editor@example.org');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to?.[0]?.address === address);
/** The link that confirms an address, and the mail of its status, whichever the SMTP server got first. */
const isConfirmLink = (mail: { text?: string }) => /\/registrations\/[^/\s]+\/confirm/.test(mail.text ?? '');
const statusMail = (address: string) => mailsTo(address).find((mail) => !isConfirmLink(mail))!;

describe('an online event’s join link and mails to its registrants', () => {
  it('refuses a link that is not https on one line, naming the problem in the reader’s language', async () => {
    for (const url of ['http://meet.example.org/x', 'javascript:alert(1)', 'https://a.example/\nx']) {
      const refused = await editor.post(`/fr${base}/join-link`, { url }, { from: `/fr${base}` });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Indiquez une adresse commençant par https://');
    }
    const saved = await editor.post(`/en${base}/join-link`, { url: link }, { from: `/en${base}` });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('The join link is saved.');
  });

  it('sends the link with a confirmed seat and shows it on the registrant’s own page only, never to the waiting list or the public', async () => {
    await registerConfirmed(t.app, 'es', slug, { name: 'Ana Seat', email: 'seat@example.org' });
    await registerConfirmed(t.app, 'en', slug, { name: 'Will Wait', email: 'wait@example.org' });
    // An unconfirmed address is nobody's registrant: no link, and not counted below.
    await new Visitor(t.app).post(`/en/activities/${slug}/register`, { name: 'Pat Pending', email: 'pending@example.org' });
    await t.app.ctx.jobs.drain();
    // Each address got its confirmation link first (without the join link), then its status.
    const seatLink = mailsTo('seat@example.org').find(isConfirmLink);
    const seat = statusMail('seat@example.org');
    expect(seatLink!.text).not.toContain(link);
    expect(seat.text).toContain(`Su enlace para participar en línea: ${link}`);
    expect(statusMail('wait@example.org').text).not.toContain(link);
    expect(mailsTo('pending@example.org')[0]!.text).not.toContain(link);
    const ownPage = /\/es\/registrations\/([^/\s]+)\/cancel/.exec(seat.text!)![0];
    expect((await new Visitor(t.app).get(ownPage)).body).toContain(`href="${link}"`);
    const waitingPage = /\/en\/registrations\/([^/\s]+)\/cancel/.exec(statusMail('wait@example.org').text!)![0];
    expect((await new Visitor(t.app).get(waitingPage)).body).not.toContain(link);
    for (const lang of LANGS) expect((await t.app.inject({ method: 'GET', url: `/${lang}/activities/${slug}` })).body).not.toContain(link);
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${slug}` });
    expect(api.statusCode).toBe(200);
    expect(api.body).not.toContain(link);
    expect((await t.app.inject({ method: 'GET', url: '/calendar.ics' })).body).not.toContain(link);
  });

  it('mails the chosen registrants once each, the link to confirmed ones only, and refuses a subject on two lines', async () => {
    const page = await editor.get(`/ko${base}`);
    expect(page.body).toContain('모든 등록자(2명)');
    const twoLines = await editor.post(`/en${base}/mailings`, { audience: 'all', subject: 'Hello\nBcc: x@example.org', body: 'Hi' }, { from: `/en${base}` });
    expect(twoLines.statusCode).toBe(400);
    expect(twoLines.body).toContain('The subject must fit on one line.');
    const before = { seat: mailsTo('seat@example.org').length, wait: mailsTo('wait@example.org').length };
    const sent = await editor.post(`/en${base}/mailings`, { audience: 'all', subject: 'Programme update', body: 'The session starts at 10:00 CET.', with_join_link: 'on' }, { from: `/en${base}` });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('The message is being sent to 2 people.');
    await t.app.ctx.jobs.drain();
    const [toSeat, ...moreSeat] = mailsTo('seat@example.org').slice(before.seat);
    const [toWait, ...moreWait] = mailsTo('wait@example.org').slice(before.wait);
    expect([moreSeat, moreWait]).toEqual([[], []]);
    expect(mailsTo('pending@example.org')).toHaveLength(1);
    expect(toSeat!.subject).toBe('Programme update');
    expect(toSeat!.text).toContain(link);
    expect(toWait!.text).toContain('The session starts at 10:00 CET.');
    expect(toWait!.text).not.toContain(link);
    expect((await editor.get(`/en${base}`)).body).toContain('Programme update · 2 recipients');
  });

  it('is the secretariat’s: others are refused, unknown events are 404', async () => {
    await createUser(t.app, 'outreach-reviewer@example.org', ['reviewer']);
    const reviewer = await signIn(t.app, 'outreach-reviewer@example.org');
    expect((await reviewer.get(`/en${base}`)).statusCode).toBe(403);
    expect((await editor.get('/en/admin/activities/no-such-event/outreach')).statusCode).toBe(404);
  });
});
