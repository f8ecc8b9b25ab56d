import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Visitor, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { registerConfirmed } from '../../test/registration-link.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const decode = (content: ArrayBuffer | Uint8Array | string) => (typeof content === 'string' ? content : new TextDecoder().decode(content));

function feedEvent(text: string, uid: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uid);
}

describe('the registration confirmation e-mail', () => {
  it('carries the event’s .ics as a text/calendar attachment with the feed’s UID', async () => {
    await t.app.ctx.db
      .updateTable('activities')
      .set({ registration_open: true, capacity: 1, waiting_list: true, registration_closes: '2099-12-31' })
      .where('slug', '=', 'gsef2018-bilbao')
      .execute();
    const first = await registerConfirmed(t.app, 'ko', 'gsef2018-bilbao', { name: '김하나', email: 'hana@example.org' });
    expect(first.statusCode).toBe(200);
    const second = await registerConfirmed(t.app, 'en', 'gsef2018-bilbao', { name: 'Waiting Will', email: 'will@example.org' });
    expect(second.statusCode).toBe(200);
    await t.app.ctx.jobs.drain();

    // The link that confirmed the address came first, without any attachment; then the status mail.
    const isLink = (m: { text?: string }) => (m.text ?? '').includes('/confirm');
    const toHana = smtp.received.filter((m) => m.to?.[0]?.address === 'hana@example.org');
    expect(toHana).toHaveLength(2);
    const link = toHana.find(isLink);
    const mail = toHana.find((m) => !isLink(m));
    expect(link!.text).toContain('/confirm');
    expect(link!.attachments).toEqual([]);
    expect(mail!.raw).toMatch(/^Content-Type: multipart\/mixed/im);
    expect(mail!.text).toContain('/ko/registrations/');
    const calendars = mail!.attachments.filter((a) => a.mimeType === 'text/calendar');
    expect(calendars).toHaveLength(1);
    const attachment = calendars[0]!;
    expect(attachment.filename).toBe('gsef2018-bilbao.ics');
    expect(mail!.raw).toMatch(/Content-Type: text\/calendar; method=PUBLISH; charset=utf-8/i);

    const ics = decode(attachment.content as ArrayBuffer);
    const parsed = new ICAL.Component(ICAL.parse(ics));
    expect(parsed.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = parsed.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const uid = String(events[0]!.getFirstPropertyValue('uid'));
    // The same event as in the public feed: same UID, same dates, in the registrant's language.
    const feed = feedEvent((await t.app.inject({ method: 'GET', url: '/calendar.ics?type=forum' })).body, uid);
    expect(feed).toBeDefined();
    expect(uid).toBe('gsef2018-bilbao@activities.gsef-net.org');
    expect(String(events[0]!.getFirstPropertyValue('dtstart'))).toBe(String(feed!.getFirstPropertyValue('dtstart')));
    expect(String(events[0]!.getFirstPropertyValue('dtend'))).toBe('2018-10-04');
    expect(String(events[0]!.getFirstPropertyValue('url'))).toBe('http://passerelle.test/ko/activities/gsef2018-bilbao');

    // Someone on the waiting list has no seat yet, so no event is attached.
    const waiting = smtp.received.find((m) => m.to?.[0]?.address === 'will@example.org' && !isLink(m));
    expect(waiting!.subject).toBe('Waiting list: GSEF2018 Bilbao');
    expect(waiting!.attachments).toEqual([]);
    const row = await t.app.ctx.db.selectFrom('outgoing_mail').select('attachments').where('to_address', '=', 'will@example.org').where('purpose', '=', 'registration.confirm').executeTakeFirstOrThrow();
    expect(row.attachments).toEqual([]);
  });
});
