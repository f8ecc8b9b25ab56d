import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, FORM, form, signIn, Visitor, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
let adminId: number;
beforeAll(async () => {
  t = await createTestApp();
  adminId = await createUser(t.app, 'admin@gsef.test', ['admin']);
  await createUser(t.app, 'second.admin@gsef.test', ['admin']);
  await createUser(t.app, 'editor@gsef.test', ['editor']);
  await createUser(t.app, 'member@city.test', ['member_contact']);
});
afterAll(() => t.close());

async function newAccount(email: string, roles: Parameters<typeof createUser>[2] = ['editor']) {
  return createUser(t.app, email, roles);
}

async function auditOf(action: string, entityId: number) {
  return t.app.ctx.db
    .selectFrom('audit_log')
    .select(['actor_id', 'details'])
    .where('action', '=', action)
    .where('entity_id', '=', String(entityId))
    .execute();
}

async function isSignedIn(cookies: string): Promise<boolean> {
  const home = await t.app.inject({ method: 'GET', url: '/en/account', headers: { cookie: cookies } });
  return home.statusCode === 200;
}

describe('deactivating an account', () => {
  it('ends its sessions, refuses its password and its mailed links, and is audited', async () => {
    const id = await newAccount('leaving@gsef.test');
    const leaving = await signIn(t.app, 'leaving@gsef.test');
    const other = await signIn(t.app, 'leaving@gsef.test');
    // A sign-in link mailed before the decision must not open a session after it.
    await new Visitor(t.app).post('/en/sign-in/link', { 'link-email': 'leaving@gsef.test' }, { from: '/en/sign-in' });
    await t.app.ctx.jobs.drain();
    expect(await t.app.ctx.db.selectFrom('sign_in_links').select('user_id').where('user_id', '=', id).execute()).toHaveLength(1);

    const admin = await signIn(t.app, 'admin@gsef.test');
    const page = await admin.get(`/fr/admin/users/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Désactiver le compte');
    const done = await admin.post(`/fr/admin/users/${id}/deactivate`, {}, { from: `/fr/admin/users/${id}` });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Le compte a été désactivé et ses sessions fermées.');
    expect(done.body).toContain('Réactiver le compte');

    expect(await isSignedIn(leaving.cookies)).toBe(false);
    expect(await isSignedIn(other.cookies)).toBe(false);
    const password = await new Visitor(t.app).post('/en/sign-in', { email: 'leaving@gsef.test', password: 'correct horse battery' });
    expect(password.statusCode).toBe(401);
    expect(await t.app.ctx.db.selectFrom('sign_in_links').select('user_id').where('user_id', '=', id).execute()).toHaveLength(0);
    const [entry] = await auditOf('user.deactivate', id);
    expect(entry).toMatchObject({ actor_id: adminId, details: { email: 'leaving@gsef.test', sessionsEnded: 2 } });

    const list = await admin.get('/en/admin/users');
    expect(list.body).toContain(`<a href="/en/admin/users/${id}">leaving@gsef.test</a>`);
    expect(list.body).toMatch(/Deactivated on /);
  });

  it('can be undone: a reactivated account signs in again, and that is audited too', async () => {
    const id = await newAccount('back@gsef.test');
    const admin = await signIn(t.app, 'admin@gsef.test');
    await admin.post(`/en/admin/users/${id}/deactivate`, {}, { from: `/en/admin/users/${id}` });
    const again = await admin.post(`/es/admin/users/${id}/reactivate`, {}, { from: `/es/admin/users/${id}` });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('La cuenta se reactivó.');
    await signIn(t.app, 'back@gsef.test');
    expect(await auditOf('user.reactivate', id)).toHaveLength(1);
  });

  it('refuses an admin deactivating or demoting their own account, and changes nothing', async () => {
    const admin = await signIn(t.app, 'admin@gsef.test');
    const self = await admin.post(`/en/admin/users/${adminId}/deactivate`, {}, { from: `/en/admin/users/${adminId}` });
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain('You cannot deactivate your own account');
    const demote = await admin.post(`/ko/admin/users/${adminId}/roles`, { roles: 'editor' }, { from: `/ko/admin/users/${adminId}` });
    expect(demote.statusCode).toBe(409);
    expect(demote.body).toContain('자신의 관리자 역할은 제거할 수 없습니다');
    const row = await t.app.ctx.db.selectFrom('users').select(['roles', 'disabled_at']).where('id', '=', adminId).executeTakeFirstOrThrow();
    expect(row).toEqual({ roles: ['admin'], disabled_at: null });
    expect(await isSignedIn(admin.cookies)).toBe(true);
  });
});

describe('changing roles', () => {
  it('applies from the next request of a signed-in person, and records before and after', async () => {
    const id = await newAccount('moving@gsef.test', ['editor']);
    const moving = await signIn(t.app, 'moving@gsef.test');
    expect((await moving.get('/en/admin/activities')).statusCode).toBe(200);
    const admin = await signIn(t.app, 'admin@gsef.test');
    const saved = await admin.post(`/en/admin/users/${id}/roles`, { roles: ['member_contact', 'reviewer'] }, { from: `/en/admin/users/${id}` });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('The roles have been saved.');
    expect((await moving.get('/en/admin/activities')).statusCode).toBe(403);
    const [entry] = await auditOf('user.roles', id);
    expect(entry).toMatchObject({ actor_id: adminId, details: { from: ['editor'], to: ['member_contact', 'reviewer'] } });
  });

  it('refuses a role that does not exist with a 400 and keeps the roles', async () => {
    const id = await newAccount('steady@gsef.test', ['editor']);
    const admin = await signIn(t.app, 'admin@gsef.test');
    const bad = await admin.post(`/fr/admin/users/${id}/roles`, { roles: ['editor', 'emperor'] }, { from: `/fr/admin/users/${id}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choisissez des rôles dans la liste.');
    const row = await t.app.ctx.db.selectFrom('users').select('roles').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.roles).toEqual(['editor']);
  });
});

describe('ending sessions', () => {
  it('lets an admin end every session of an account without deactivating it', async () => {
    const id = await newAccount('lost.phone@gsef.test');
    const first = await signIn(t.app, 'lost.phone@gsef.test');
    const second = await signIn(t.app, 'lost.phone@gsef.test');
    const admin = await signIn(t.app, 'admin@gsef.test');
    const page = await admin.get(`/en/admin/users/${id}`);
    expect(page.body).toContain('2 open sessions, newest first');
    const ended = await admin.post(`/en/admin/users/${id}/sessions/end`, {}, { from: `/en/admin/users/${id}` });
    expect(ended.statusCode).toBe(200);
    expect(ended.body).toContain('All sessions of this account have ended.');
    expect(ended.body).toContain('No open session.');
    expect(await isSignedIn(first.cookies)).toBe(false);
    expect(await isSignedIn(second.cookies)).toBe(false);
    expect(await isSignedIn(admin.cookies)).toBe(true);
    await signIn(t.app, 'lost.phone@gsef.test');
    expect((await auditOf('user.sessions_end', id))[0]).toMatchObject({ actor_id: adminId, details: { sessionsEnded: 2 } });
  });

  it('lets a person sign out everywhere from their own account page', async () => {
    const id = await newAccount('careful@city.test', ['member_contact']);
    const laptop = await signIn(t.app, 'careful@city.test');
    const phone = await signIn(t.app, 'careful@city.test');
    const page = await laptop.get('/fr/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('careful@city.test');
    expect(page.body).toContain('2 sessions ouvertes');
    const out = await laptop.post('/fr/account/sign-out-everywhere', {}, { from: '/fr/account' });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/fr/sign-in');
    expect(out.cookies.find((c) => c.name === 'sid')?.value).toBe('');
    expect(await isSignedIn(phone.cookies)).toBe(false);
    expect(await isSignedIn(laptop.cookies)).toBe(false);
    expect((await auditOf('session.end_all', id))[0]).toMatchObject({ actor_id: id, details: { sessionsEnded: 2 } });
  });
});

describe('who may offboard', () => {
  it('answers a visitor with sign-in or 401, and every other role with 403, changing nothing', async () => {
    const id = await newAccount('target@gsef.test');
    const anonymous = await t.app.inject({ method: 'GET', url: `/en/admin/users/${id}` });
    expect(anonymous.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/en/account' })).headers.location).toBe('/en/sign-in?next=%2Fen%2Faccount');
    const visitor = new Visitor(t.app);
    expect((await visitor.post(`/en/admin/users/${id}/deactivate`, {}, { from: '/en/sign-in' })).statusCode).toBe(401);
    expect((await visitor.post('/en/account/sign-out-everywhere', {}, { from: '/en/sign-in' })).statusCode).toBe(401);
    for (const email of ['editor@gsef.test', 'member@city.test']) {
      const person = await signIn(t.app, email);
      expect((await person.get(`/en/admin/users/${id}`)).statusCode).toBe(403);
      for (const action of ['deactivate', 'reactivate', 'sessions/end']) {
        expect((await person.post(`/en/admin/users/${id}/${action}`, {}, { from: '/en/account' })).statusCode).toBe(403);
      }
      const roles = await person.post(`/en/admin/users/${id}/roles`, { roles: 'admin' }, { from: '/en/account' });
      expect(roles.statusCode).toBe(403);
    }
    const row = await t.app.ctx.db.selectFrom('users').select(['roles', 'disabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ roles: ['editor'], disabled_at: null });
  });

  it('answers 404 for an account that does not exist and 400 for an id that cannot be one', async () => {
    const admin = await signIn(t.app, 'admin@gsef.test');
    expect((await admin.get('/en/admin/users/999999')).statusCode).toBe(404);
    expect((await admin.post('/en/admin/users/999999/deactivate', {}, { from: '/en/admin/users' })).statusCode).toBe(404);
    expect((await admin.post('/en/admin/users/999999/sessions/end', {}, { from: '/en/admin/users' })).statusCode).toBe(404);
    expect((await admin.get('/en/admin/users/99999999999')).statusCode).toBe(400);
    expect((await admin.get('/en/admin/users/abc')).statusCode).toBe(400);
  });

  it('refuses every offboarding form without a valid CSRF token', async () => {
    const id = await newAccount('csrf.target@gsef.test');
    const target = await signIn(t.app, 'csrf.target@gsef.test');
    const admin = await signIn(t.app, 'admin@gsef.test');
    for (const action of ['deactivate', 'sessions/end', 'roles']) {
      const response = await t.app.inject({ method: 'POST', url: `/en/admin/users/${id}/${action}`, headers: { ...FORM, cookie: admin.cookies }, payload: form({ roles: 'admin', _csrf: 'forged' }) });
      expect(response.statusCode).toBe(403);
    }
    const self = await t.app.inject({ method: 'POST', url: '/en/account/sign-out-everywhere', headers: { ...FORM, cookie: target.cookies }, payload: form({}) });
    expect(self.statusCode).toBe(403);
    expect(await isSignedIn(target.cookies)).toBe(true);
    const row = await t.app.ctx.db.selectFrom('users').select(['roles', 'disabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ roles: ['editor'], disabled_at: null });
  });
});
