import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { confirmAddress, confirmLinkFor, registerConfirmed } from '../../test/registration-link.ts';
import { cancellableUntil } from './registrations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'editor@example.org', ['editor']);
});
afterAll(() => t.close());

/** Opens registration on a seeded event (as an editor would) and returns its id. */
async function openRegistration(slug: string, settings: { capacity: number | null; waiting_list?: boolean; closes?: string }) {
  const row = await t.app.ctx.db
    .updateTable('activities')
    .set({ registration_open: true, capacity: settings.capacity, waiting_list: settings.waiting_list ?? true, registration_closes: settings.closes ?? '2099-12-31' })
    .where('slug', '=', slug)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const registrationsOf = (activityId: number) =>
  t.app.ctx.db.selectFrom('registrations').select(['email', 'status']).where('activity_id', '=', activityId).orderBy('id').execute();

const mailsTo = (email: string) => t.app.ctx.db.selectFrom('outgoing_mail').selectAll().where('to_address', '=', email).orderBy('id').execute();
/** The mails about a registration's status (not the links that confirm an address). */
const statusMailsTo = async (email: string) => (await mailsTo(email)).filter((m) => m.purpose !== 'registration.address');

const registerAs = (lang: string, slug: string, fields: Record<string, string>) =>
  new Visitor(t.app).post(`/${lang}/activities/${slug}/register`, fields);

/** A page without its per-visitor CSRF token, to compare two answers. */
const withoutCsrf = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');

const cancelLink = (text: string) => /\/(en|fr|es|ko)\/registrations\/([^/\s]+)\/cancel/.exec(text)!;

describe('registration', () => {
  it('confirms up to capacity, then puts people on the waiting list, and promotes the first on cancellation', async () => {
    const id = await openRegistration('gsef2016-montreal', { capacity: 2 });
    expect((await registerConfirmed(t.app, 'en', 'gsef2016-montreal', { name: 'Ana', email: 'ana@example.org' })).statusCode).toBe(200);
    const second = await registerConfirmed(t.app, 'fr', 'gsef2016-montreal', { name: 'Bruno', email: 'Bruno@Example.org', organisation: 'Ville' });
    expect(second.body).toContain('Vous êtes inscrit·e');
    const third = await registerConfirmed(t.app, 'es', 'gsef2016-montreal', { name: 'Carla', email: 'carla@example.org' });
    expect(third.body).toContain('Está en la lista de espera');
    const fourth = await registerConfirmed(t.app, 'en', 'gsef2016-montreal', { name: 'Dan', email: 'dan@example.org' });
    expect(fourth.body).toContain('You are on the waiting list');
    expect(await registrationsOf(id)).toEqual([
      { email: 'ana@example.org', status: 'confirmed' },
      { email: 'bruno@example.org', status: 'confirmed' },
      { email: 'carla@example.org', status: 'waiting' },
      { email: 'dan@example.org', status: 'waiting' },
    ]);

    // The confirmation mail, in the registrant's language, links the .ics and the cancellation page.
    const [mail] = await statusMailsTo('bruno@example.org');
    expect(mail!.subject).toBe('Inscription confirmée : GSEF2016 Montréal');
    expect(mail!.text_body).toContain('http://passerelle.test/fr/activities/gsef2016-montreal/calendar.ics');
    const link = cancelLink(mail!.text_body);

    // Following the link shows a confirmation form; posting it cancels and promotes Carla.
    const visitor = new Visitor(t.app);
    const page = await visitor.get(`/fr/registrations/${link[2]}/cancel`);
    expect(page.body).toContain('Voulez-vous annuler votre inscription à GSEF2016 Montréal ?');
    expect(await registrationsOf(id)).toContainEqual({ email: 'bruno@example.org', status: 'confirmed' });
    const cancelled = await visitor.post(`/fr/registrations/${link[2]}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.body).toContain('Inscription annulée');
    expect(await registrationsOf(id)).toEqual([
      { email: 'ana@example.org', status: 'confirmed' },
      { email: 'bruno@example.org', status: 'cancelled' },
      { email: 'carla@example.org', status: 'confirmed' },
      { email: 'dan@example.org', status: 'waiting' },
    ]);
    const carla = await mailsTo('carla@example.org');
    expect(carla.map((m) => m.purpose)).toEqual(['registration.address', 'registration.confirm', 'registration.promoted']);
    expect(carla[2]!.subject).toBe('Inscripción confirmada: GSEF2016 Montreal');
    // Cancelling twice changes nothing more.
    const twice = await new Visitor(t.app).post(`/fr/registrations/${link[2]}/cancel`, {}, { from: '/fr/activities/gsef2016-montreal/register' });
    expect(twice.statusCode).toBe(200);
    expect((await registrationsOf(id)).filter((r) => r.status === 'confirmed')).toHaveLength(2);
  });

  it('answers a second registration of an address as a new one, and mails that address instead', async () => {
    const id = await openRegistration('gsef2014-seoul', { capacity: 10 });
    const first = await registerConfirmed(t.app, 'ko', 'gsef2014-seoul', { name: 'Eve', email: 'eve@example.org' });
    const newcomer = await registerAs('ko', 'gsef2014-seoul', { name: 'Yann', email: 'yann@example.org' });
    expect((await confirmAddress(t.app, 'yann@example.org')).statusCode).toBe(200);
    const again = await registerAs('ko', 'gsef2014-seoul', { name: 'Someone else', email: 'EVE@example.org' });
    // Whoever types an address learns nothing about who attends: same status, same page.
    expect(again.statusCode).toBe(newcomer.statusCode);
    expect(again.statusCode).toBe(200);
    expect(withoutCsrf(again.body)).toBe(withoutCsrf(newcomer.body));
    expect(first.statusCode).toBe(200);
    expect(await registrationsOf(id)).toEqual([
      { email: 'eve@example.org', status: 'confirmed' },
      { email: 'yann@example.org', status: 'confirmed' },
    ]);
    const row = await t.app.ctx.db.selectFrom('registrations').select('name').where('email', '=', 'eve@example.org').executeTakeFirstOrThrow();
    expect(row.name).toBe('Eve');
    // The address itself is told, in its own language, with a new cancellation link that works (the first one no longer does).
    const [confirmation, reminder] = await statusMailsTo('eve@example.org');
    expect(reminder!.purpose).toBe('registration.again');
    expect(reminder!.subject).toBe('이미 등록되어 있습니다: GSEF2014 서울');
    expect(reminder!.text_body).not.toContain('Someone else');
    const oldLink = cancelLink(confirmation!.text_body)[0];
    const newLink = cancelLink(reminder!.text_body)[0];
    expect(newLink).not.toBe(oldLink);
    expect((await new Visitor(t.app).get(oldLink)).statusCode).toBe(404);
    expect((await new Visitor(t.app).get(newLink)).statusCode).toBe(200);
    // Asking again within the hour: the same answer, no more mail.
    expect((await registerAs('en', 'gsef2014-seoul', { name: 'Eve', email: 'eve@example.org' })).statusCode).toBe(200);
    expect(await statusMailsTo('eve@example.org')).toHaveLength(2);
    expect(await mailsTo('eve@example.org')).toHaveLength(3);
  });

  it('shows field errors for missing or invalid input', async () => {
    const id = await openRegistration('gsef2013-seoul', { capacity: null });
    const response = await registerAs('fr', 'gsef2013-seoul', { name: '', email: 'not-an-email' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="name-error"');
    expect(response.body).toContain('id="email-error"');
    expect(await registrationsOf(id)).toEqual([]);
  });

  it('refuses registration after the closing day, and when full without a waiting list', async () => {
    const closed = await openRegistration('habitat-iii-2016', { capacity: 5, closes: '2020-01-01' });
    // The closed event has no form any more; the request carries a token from another open form.
    await openRegistration('uclg-learning-session-2017', { capacity: null });
    const late = await new Visitor(t.app).post('/en/activities/habitat-iii-2016/register', { name: 'Finn', email: 'finn@example.org' }, { from: '/en/activities/uclg-learning-session-2017/register' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Registration for this event is closed.');
    expect(await registrationsOf(closed)).toEqual([]);

    const full = await openRegistration('led-forum-praia-2017', { capacity: 1, waiting_list: false });
    await registerConfirmed(t.app, 'en', 'led-forum-praia-2017', { name: 'Gus', email: 'gus@example.org' });
    const refused = await registerAs('fr', 'led-forum-praia-2017', { name: 'Hana', email: 'hana@example.org' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Toutes les places sont prises');
    expect(await registrationsOf(full)).toEqual([{ email: 'gus@example.org', status: 'confirmed' }]);
  });

  it('gives the last seat to exactly one of many concurrent confirmations', async () => {
    const id = await openRegistration('hlpf-side-event-2018', { capacity: 1, waiting_list: false });
    const emails = Array.from({ length: 12 }, (_, i) => `racer${i}@example.org`);
    // Twelve unconfirmed registrations: accepted, none holds the one seat.
    for (const [i, email] of emails.entries()) expect((await registerAs('en', 'hlpf-side-event-2018', { name: `P${i}`, email })).statusCode).toBe(200);
    expect((await registrationsOf(id)).every((r) => r.status === 'pending')).toBe(true);
    const visitors = emails.map(() => new Visitor(t.app));
    // Every visitor first opens their link (real CSRF tokens), then all confirm at once.
    const links = await Promise.all(emails.map((email) => confirmLinkFor(t.app, email)));
    const tokens = await Promise.all(visitors.map(async (v, i) => /name="_csrf" value="([^"]+)"/.exec((await v.get(links[i]!)).body)![1]!));
    const responses = await Promise.all(
      visitors.map((v, i) =>
        t.app.inject({
          method: 'POST',
          url: links[i]!,
          remoteAddress: v.remoteAddress,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: v.cookies },
          payload: new URLSearchParams({ _csrf: tokens[i]! }).toString(),
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, ...Array(11).fill(409)]);
    const rows = await registrationsOf(id);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(11);
  });

  it('is not offered on an activity that does not open it', async () => {
    expect((await new Visitor(t.app).get('/en/activities/gsef2018-bilbao/register')).statusCode).toBe(404);
  });
});

describe('organisers', () => {
  it('see the registrations, export them as CSV and record attendance', async () => {
    const id = await openRegistration('apay-learning-session-2018', { capacity: 5 });
    await registerConfirmed(t.app, 'en', 'apay-learning-session-2018', { name: 'Ines', email: 'ines@example.org', organisation: '=cmd' });
    await registerConfirmed(t.app, 'en', 'apay-learning-session-2018', { name: 'Jun', email: 'jun@example.org' });
    // Unconfirmed: not on the organisers' list nor in the export (no seat, maybe someone else's address).
    await registerAs('en', 'apay-learning-session-2018', { name: 'Kim', email: 'kim-unconfirmed@example.org' });
    const anonymous = await new Visitor(t.app).get('/en/admin/activities/apay-learning-session-2018/registrations.csv');
    expect(anonymous.statusCode).toBe(303);

    const editor = await signIn(t.app, 'editor@example.org');
    const list = await editor.get('/en/admin/activities/apay-learning-session-2018/registrations');
    expect(list.body).toContain('ines@example.org');
    expect(list.body).not.toContain('kim-unconfirmed@example.org');
    expect(list.body).toContain('2 registrations');
    const [ines] = await t.app.ctx.db.selectFrom('registrations').select('id').where('email', '=', 'ines@example.org').execute();
    const saved = await editor.post('/en/admin/activities/apay-learning-session-2018/registrations', { present: String(ines!.id) });
    expect(saved.body).toContain('Attendance saved.');
    const csv = await editor.get('/en/admin/activities/apay-learning-session-2018/registrations.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('name,email,organisation,lang,status,attended,registered_at');
    expect(lines[1]).toMatch(/^Ines,ines@example\.org,'=cmd,en,confirmed,yes,\d{4}-/);
    expect(lines[2]).toMatch(/^Jun,jun@example\.org,,en,confirmed,no,/);
    expect(lines).toHaveLength(3);
    expect(id).toBeGreaterThan(0);
  });
});

describe('back-office editing', () => {
  it('refuses invalid and reversed dates next to the fields, storing nothing', async () => {
    const editor = await signIn(t.app, 'editor@example.org');
    const before = await t.app.ctx.db.selectFrom('activities').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const invalid = await editor.post('/fr/admin/activities/new', { type: 'training', title: 'X', summary: 'Y', start: '2019-02-30', precision: 'day' }, { from: '/fr/admin/activities/new' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Saisissez une date réelle au format AAAA-MM-JJ.');
    const reversed = await editor.post('/en/admin/activities/new', { type: 'training', title: 'X', summary: 'Y', start: '2019-05-10', end: '2019-05-01', precision: 'day' }, { from: '/en/admin/activities/new' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('The end cannot come before the start.');
    const after = await t.app.ctx.db.selectFrom('activities').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('creates an activity, then confirms its tentative date: same UID, higher SEQUENCE in the feed', async () => {
    const editor = await signIn(t.app, 'editor@example.org');
    const created = await editor.post(
      '/en/admin/activities/new',
      { slug: 'asia-policy-dialogue-2027', type: 'policy_dialogue', title: 'Asia Policy Dialogue 2027', summary: 'Planned.', start: '2027-02', precision: 'month', tentative: 'on', format: 'in-person', city: 'Seoul', country: 'kr' },
      { from: '/en/admin/activities/new' },
    );
    expect(created.statusCode).toBe(303);
    const uid = 'asia-policy-dialogue-2027@activities.gsef-net.org';
    const eventIn = async () => {
      const calendar = new ICAL.Component(ICAL.parse((await t.app.inject({ method: 'GET', url: '/calendar.ics?type=policy_dialogue' })).body));
      return calendar.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uid)!;
    };
    const draft = await eventIn();
    expect(draft.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(String(draft.getFirstPropertyValue('dtstart'))).toBe('2027-02-01');
    expect(Number(draft.getFirstPropertyValue('sequence'))).toBe(0);
    const calendarPage = await t.app.inject({ method: 'GET', url: '/en/calendar?year=2027' });
    expect(calendarPage.body).toContain('February 2027, date to be confirmed');

    const updated = await editor.post(
      '/en/admin/activities/asia-policy-dialogue-2027/edit',
      { type: 'policy_dialogue', title: 'Asia Policy Dialogue 2027', summary: 'Planned.', start: '2027-02-17', end: '2027-02-18', precision: 'day', format: 'in-person', city: 'Seoul', country: 'KR' },
      { from: '/en/admin/activities/asia-policy-dialogue-2027/edit' },
    );
    expect(updated.statusCode).toBe(303);
    const confirmed = await eventIn();
    expect(confirmed.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(confirmed.getFirstPropertyValue('dtstart'))).toBe('2027-02-17');
    expect(Number(confirmed.getFirstPropertyValue('sequence'))).toBe(1);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'activity.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['activity.create', 'activity.update']);
  });

  it('is closed to visitors who are not editors', async () => {
    await createUser(t.app, 'member@example.org', ['member_contact']);
    const member = await signIn(t.app, 'member@example.org');
    expect((await member.get('/en/admin/activities')).statusCode).toBe(403);
  });
});

describe('cancellation links expire when the event is over', () => {
  it('work until the day after the event (or until registration closes, when later), then answer 410', async () => {
    const id = await openRegistration('gsef2021-mexico-city', { capacity: null });
    await registerConfirmed(t.app, 'en', 'gsef2021-mexico-city', { name: 'Late', email: 'late@example.org' });
    const [mail] = await statusMailsTo('late@example.org');
    const link = cancelLink(mail!.text_body)[0];
    // Registration is open until 2099 on this past event (as the tests open it): the link still works.
    expect((await new Visitor(t.app).get(link)).statusCode).toBe(200);
    // Registration closed and the event over: the link is of no use any more.
    await t.app.ctx.db.updateTable('activities').set({ registration_closes: '2020-01-01' }).where('id', '=', id).execute();
    const expired = await new Visitor(t.app).get(link);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This cancellation link is no longer valid: the event is over.');
    expect(await registrationsOf(id)).toEqual([{ email: 'late@example.org', status: 'confirmed' }]);
  });

  it('count the whole month or year of an event known only to the month or year, plus a day', () => {
    expect(cancellableUntil({ end_date: '2018-10-03', date_precision: 'day', registration_closes: null })).toBe('2018-10-04');
    expect(cancellableUntil({ end_date: '2018-12-31', date_precision: 'day', registration_closes: '2018-10-01' })).toBe('2019-01-01');
    expect(cancellableUntil({ end_date: '2020-02-01', date_precision: 'month', registration_closes: null })).toBe('2020-03-01');
    expect(cancellableUntil({ end_date: '2021-01-01', date_precision: 'year', registration_closes: null })).toBe('2022-01-01');
    expect(cancellableUntil({ end_date: '2016-09-09', date_precision: 'day', registration_closes: '2099-12-31' })).toBe('2099-12-31');
  });
});
