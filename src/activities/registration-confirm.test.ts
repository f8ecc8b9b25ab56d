import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Visitor, type TestApp } from '../../test/helpers.ts';
import { confirmLinkFor } from '../../test/registration-link.ts';
import { SCHEDULES } from '../jobs/schedules.ts';
import { deleteExpiredPending, EXPIRE_PENDING_JOB } from './registrations.ts';

/** Issue 15: a registration holds a seat only once its address opened the mailed link and pressed the button. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function openRegistration(slug: string, settings: { capacity: number | null; waiting_list?: boolean }) {
  const row = await t.app.ctx.db
    .updateTable('activities')
    .set({ registration_open: true, capacity: settings.capacity, waiting_list: settings.waiting_list ?? true, registration_closes: '2099-12-31' })
    .where('slug', '=', slug)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const registrationsOf = (activityId: number) =>
  t.app.ctx.db.selectFrom('registrations').select(['email', 'status']).where('activity_id', '=', activityId).orderBy('id').execute();
const mailsTo = (email: string) => t.app.ctx.db.selectFrom('outgoing_mail').select(['purpose', 'subject', 'text_body']).where('to_address', '=', email).orderBy('id').execute();
const registerAs = (lang: string, slug: string, fields: Record<string, string>) => new Visitor(t.app).post(`/${lang}/activities/${slug}/register`, fields);

describe('a registration waits for its address to be confirmed', () => {
  it('holds no seat before confirmation: unconfirmed addresses cannot fill a small event', async () => {
    const id = await openRegistration('gsef2016-montreal', { capacity: 1, waiting_list: false });
    const fr = await registerAs('fr', 'gsef2016-montreal', { name: 'Faux', email: 'fake1@example.org' });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Consultez votre messagerie');
    const es = await registerAs('es', 'gsef2016-montreal', { name: 'Falso', email: 'fake2@example.org' });
    expect(es.body).toContain('Revise su correo');
    const ko = await registerAs('ko', 'gsef2016-montreal', { name: '가짜', email: 'real@example.org' });
    expect(ko.body).toContain('메일함을 확인하세요');
    expect(await registrationsOf(id)).toEqual([
      { email: 'fake1@example.org', status: 'pending' },
      { email: 'fake2@example.org', status: 'pending' },
      { email: 'real@example.org', status: 'pending' },
    ]);
    // The public page still offers the one seat.
    expect((await new Visitor(t.app).get('/en/activities/gsef2016-montreal/register')).body).toContain('1 seat left');
    // The mail holds only the link, in the registrant's language, nothing typed in the form.
    const [mail, ...more] = await mailsTo('real@example.org');
    expect(more).toEqual([]);
    expect(mail!.purpose).toBe('registration.address');
    expect(mail!.subject).toBe('등록을 확정해 주세요: GSEF2016 몬트리올');
    expect(mail!.text_body).toMatch(/http:\/\/passerelle\.test\/ko\/registrations\/[^/\s]+\/confirm/);
    expect(mail!.text_body).not.toContain('가짜');
    expect(mail!.text_body).not.toContain('/cancel');
    // The real address confirms and takes the seat; a later confirmation finds the event full.
    const confirmed = await new Visitor(t.app).post(await confirmLinkFor(t.app, 'real@example.org'), {});
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('등록되었습니다');
    const late = await new Visitor(t.app).post(await confirmLinkFor(t.app, 'fake1@example.org'), {});
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Toutes les places sont prises');
    expect((await registrationsOf(id)).find((r) => r.status === 'confirmed')).toEqual({ email: 'real@example.org', status: 'confirmed' });
  });

  it('changes nothing on GET (mail scanners fetch links); confirming twice answers the same and mails once', async () => {
    const id = await openRegistration('gsef2014-seoul', { capacity: 5 });
    await registerAs('en', 'gsef2014-seoul', { name: 'Olu', email: 'olu@example.org' });
    const link = await confirmLinkFor(t.app, 'olu@example.org');
    const visitor = new Visitor(t.app);
    for (let i = 0; i < 2; i++) {
      const page = await visitor.get(link);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Confirm your registration for GSEF2014 Seoul?');
      expect(page.body).toContain(`action="${link}"`);
      expect(page.headers['cache-control']).toBe('private, no-store');
    }
    expect(await registrationsOf(id)).toEqual([{ email: 'olu@example.org', status: 'pending' }]);
    expect((await mailsTo('olu@example.org')).map((m) => m.purpose)).toEqual(['registration.address']);

    const first = await visitor.post(link, {});
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('You are registered');
    // The same button pressed again (the form resubmitted: its page now shows the status, so the token comes from another form).
    const second = await visitor.post(link, {}, { from: '/en/activities/gsef2014-seoul/register' });
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('You are registered');
    expect(await registrationsOf(id)).toEqual([{ email: 'olu@example.org', status: 'confirmed' }]);
    expect((await mailsTo('olu@example.org')).map((m) => m.purpose)).toEqual(['registration.address', 'registration.confirm']);
    // The link, once used, says the registration stands.
    expect((await new Visitor(t.app).get(link)).body).toContain('is already confirmed');
  });

  it('puts a confirmation on the waiting list when full, and tells the staff', async () => {
    const id = await openRegistration('gsef2018-bilbao', { capacity: 1 });
    await registerAs('en', 'gsef2018-bilbao', { name: 'A', email: 'seat-a@example.org' });
    await registerAs('es', 'gsef2018-bilbao', { name: 'B', email: 'seat-b@example.org' });
    // B confirms first: the seat goes by confirmation, not by the order of the forms.
    expect((await new Visitor(t.app).post(await confirmLinkFor(t.app, 'seat-b@example.org'), {})).body).toContain('Está inscrito');
    const a = await new Visitor(t.app).post(await confirmLinkFor(t.app, 'seat-a@example.org'), {});
    expect(a.body).toContain('You are on the waiting list');
    expect(await registrationsOf(id)).toEqual([
      { email: 'seat-a@example.org', status: 'waiting' },
      { email: 'seat-b@example.org', status: 'confirmed' },
    ]);
    const notices = await t.app.ctx.db.selectFrom('staff_notices').select('event').where('event', '=', 'registration.full').where('path', '=', '/admin/activities/gsef2018-bilbao/registrations').execute();
    expect(notices).toHaveLength(1);
  });

  it('re-sends the link to a pending address asking again, never a second row; the older link stops working', async () => {
    const id = await openRegistration('gsef2013-seoul', { capacity: null });
    await registerAs('fr', 'gsef2013-seoul', { name: 'Rémi', email: 'remi@example.org' });
    const firstLink = await confirmLinkFor(t.app, 'remi@example.org');
    const again = await registerAs('fr', 'gsef2013-seoul', { name: 'Rémi', email: 'Remi@example.org' });
    expect(again.body).toContain('Consultez votre messagerie');
    const secondLink = await confirmLinkFor(t.app, 'remi@example.org');
    expect(secondLink).not.toBe(firstLink);
    expect(await registrationsOf(id)).toEqual([{ email: 'remi@example.org', status: 'pending' }]);
    const unknown = await new Visitor(t.app).get(firstLink);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Ce lien de confirmation est inconnu.');
    // Throttled: three links an hour for one address and event, whatever the number of asks.
    for (let i = 0; i < 3; i++) await registerAs('fr', 'gsef2013-seoul', { name: 'Rémi', email: 'remi@example.org' });
    expect((await mailsTo('remi@example.org')).filter((m) => m.purpose === 'registration.address')).toHaveLength(3);
    expect((await new Visitor(t.app).post(await confirmLinkFor(t.app, 'remi@example.org'), {})).statusCode).toBe(200);
    expect(await registrationsOf(id)).toEqual([{ email: 'remi@example.org', status: 'confirmed' }]);
  });

  it('answers an expired link with 410 and an unknown one with 404, in the reader’s language, changing nothing', async () => {
    const id = await openRegistration('habitat-iii-2016', { capacity: 3 });
    await registerAs('es', 'habitat-iii-2016', { name: 'Tarde', email: 'tarde@example.org' });
    const link = await confirmLinkFor(t.app, 'tarde@example.org');
    await t.app.ctx.db.updateTable('registrations').set({ confirm_by: new Date(Date.now() - 1000) }).where('activity_id', '=', id).execute();
    const expired = await new Visitor(t.app).get(link);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Este enlace de confirmación ha caducado');
    // The form of the page cannot be had; a POST with another page's token is refused the same way.
    const posted = await new Visitor(t.app).post(link, {}, { from: '/es/activities/habitat-iii-2016/register' });
    expect(posted.statusCode).toBe(410);
    expect(await registrationsOf(id)).toEqual([{ email: 'tarde@example.org', status: 'pending' }]);
    // Registering again mails a new link, good for another 48 hours, on the same row.
    expect((await registerAs('es', 'habitat-iii-2016', { name: 'Tarde', email: 'tarde@example.org' })).statusCode).toBe(200);
    const fresh = await confirmLinkFor(t.app, 'tarde@example.org');
    expect(fresh).not.toBe(link);
    expect((await new Visitor(t.app).post(fresh, {})).body).toContain('Está inscrito');
    expect(await registrationsOf(id)).toEqual([{ email: 'tarde@example.org', status: 'confirmed' }]);
    const unknown = await new Visitor(t.app).get('/ko/registrations/no-such-token/confirm');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('알 수 없는 확인 링크입니다.');
  });

  it('deletes pending registrations past their time (a scheduled job), keeping the others', async () => {
    expect(SCHEDULES.map((s) => s.name)).toContain(EXPIRE_PENDING_JOB);
    const id = await openRegistration('uclg-learning-session-2017', { capacity: null });
    for (const email of ['old@example.org', 'fresh@example.org', 'kept@example.org']) await registerAs('en', 'uclg-learning-session-2017', { name: 'X', email });
    await new Visitor(t.app).post(await confirmLinkFor(t.app, 'kept@example.org'), {});
    await t.app.ctx.db.updateTable('registrations').set({ confirm_by: new Date(Date.now() - 3600_000) }).where('email', 'in', ['old@example.org', 'kept@example.org']).execute();
    // (Other tests' expired rows go too: the count is at least this one.)
    expect(await deleteExpiredPending(t.app.ctx.db)).toBeGreaterThanOrEqual(1);
    expect(await registrationsOf(id)).toEqual([
      { email: 'fresh@example.org', status: 'pending' },
      { email: 'kept@example.org', status: 'confirmed' },
    ]);
  });
});
