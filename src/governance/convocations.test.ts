import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { LANGS } from '../i18n/langs.ts';
import { seatsOf } from './convocations.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
let editor: Visitor;
let meetingId: number;
const memberContact = 'seat-contact@example.org';
const personAddress = 'advisor@example.org';

beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
  const db = t.app.ctx.db;
  await createUser(t.app, 'convene-editor@example.org', ['editor']);
  editor = await signIn(t.app, 'convene-editor@example.org');
  meetingId = (await db.selectFrom('meetings').select('id').where('slug', '=', 'steering-committee-2019-q1').executeTakeFirstOrThrow()).id;
  // One member seat with a contact account (Korean), one person seat with an address of its own (Spanish).
  const seats = await seatsOf(db, meetingId);
  const memberSeat = await db.selectFrom('mandates').select(['member_id']).where('id', 'in', seats.map((s) => s.mandateId)).where('member_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
  const contactId = await createUser(t.app, memberContact, ['member_contact']);
  await db.updateTable('users').set({ lang: 'ko' }).where('id', '=', contactId).execute();
  await db.insertInto('member_contacts').values({ user_id: contactId, member_id: memberSeat.member_id! }).execute();
  const body = await db.selectFrom('meetings').select('body_id').where('id', '=', meetingId).executeTakeFirstOrThrow();
  const person = await db.insertInto('people').values({ slug: 'convened-advisor', name: 'Convened Advisor', email: personAddress, lang: 'es' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('mandates').values({ body_id: body.body_id, person_id: person.id, role: 'advisor', starts_on: '2018-01-01', position: 999 }).execute();
  await db.insertInto('meeting_agenda_items').values({ meeting_id: meetingId, position: 90, title: JSON.stringify({ en: { text: 'Admission of new members', status: 'original' }, ko: { text: '신규 회원 가입 승인', status: 'human' } }) }).execute();
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to?.[0]?.address === address);

describe('convocations and attendance', () => {
  it('lists the body’s seats on the meeting’s day with their addresses, in four languages', async () => {
    for (const lang of LANGS) {
      const page = await editor.get(`/${lang}/admin/meetings/${meetingId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(memberContact);
      expect(page.body).toContain(`action="/${lang}/admin/meetings/${meetingId}/convocation"`);
    }
    expect((await editor.get(`/fr/admin/meetings/${meetingId}`)).body).toContain('Convocation et présence');
  });

  it('convenes each address once, in its language, with the agenda and the meeting as an .ics', async () => {
    const first = await editor.post(`/en/admin/meetings/${meetingId}/convocation`, {}, { from: `/en/admin/meetings/${meetingId}` });
    expect(first.statusCode).toBe(303);
    const sent = Number(new URL(first.headers.location as string, 'http://x').searchParams.get('convened'));
    expect(sent).toBeGreaterThanOrEqual(2);
    await t.app.ctx.jobs.drain();
    const [korean] = mailsTo(memberContact);
    expect(korean!.subject).toMatch(/^소집 통지: /);
    expect(korean!.text).toContain('신규 회원 가입 승인');
    const ics = korean!.attachments.find((file) => file.mimeType === 'text/calendar')!;
    const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(ics.content as ArrayBuffer)));
    expect(String(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid'))).toBe('steering-committee-2019-q1@meetings.passerelle.test');
    const [spanish] = mailsTo(personAddress);
    expect(spanish!.subject).toMatch(/^Convocatoria: /);
    expect(spanish!.text).toContain('Admission of new members');

    const again = await editor.post(`/en/admin/meetings/${meetingId}/convocation`, {}, { from: `/en/admin/meetings/${meetingId}` });
    expect(again.headers.location).toContain('convened=0');
    await t.app.ctx.jobs.drain();
    expect(mailsTo(memberContact)).toHaveLength(1);
    expect(mailsTo(personAddress)).toHaveLength(1);
    expect((await editor.get(`/en/admin/meetings/${meetingId}?convened=0`)).body).toContain('The convocation was sent to 0 addresses.');
  });

  it('records attendance per seat, refuses a value that is not a choice with a named 400, and lets the committee only read it', async () => {
    const seats = await seatsOf(t.app.ctx.db, meetingId);
    const [one, two] = seats;
    const saved = await editor.post(`/es/admin/meetings/${meetingId}/attendance`, { [`seat_${one!.mandateId}`]: 'present', [`seat_${two!.mandateId}`]: 'excused' }, { from: `/es/admin/meetings/${meetingId}` });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('La asistencia se ha guardado.');
    const after = await seatsOf(t.app.ctx.db, meetingId);
    expect(after.find((s) => s.mandateId === one!.mandateId)!.attendance).toBe('present');
    expect(after.find((s) => s.mandateId === two!.mandateId)!.attendance).toBe('excused');

    const refused = await editor.post(`/fr/admin/meetings/${meetingId}/attendance`, { [`seat_${one!.mandateId}`]: 'asleep' }, { from: `/fr/admin/meetings/${meetingId}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Une valeur de présence ne fait pas partie des choix');
    expect((await seatsOf(t.app.ctx.db, meetingId)).find((s) => s.mandateId === one!.mandateId)!.attendance).toBe('present');

    await createUser(t.app, 'convene-committee@example.org', ['steering_committee']);
    const committee = await signIn(t.app, 'convene-committee@example.org');
    expect((await committee.get(`/en/admin/meetings/${meetingId}`)).statusCode).toBe(200);
    expect((await committee.post(`/en/admin/meetings/${meetingId}/convocation`, {}, { from: `/en/admin/meetings/${meetingId}` })).statusCode).toBe(403);
    expect((await editor.post('/en/admin/meetings/99999/convocation', {}, { from: `/en/admin/meetings/${meetingId}` })).statusCode).toBe(404);
  });
});
