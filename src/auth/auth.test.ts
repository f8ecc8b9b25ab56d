import fs from 'node:fs/promises';
import path from 'node:path';
import PostalMime, { type Email } from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, FORM, form, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { outboxDir } from '../mail/mailer.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'admin@gsef.test', ['admin']);
  await createUser(t.app, 'editor@gsef.test', ['editor']);
  await createUser(t.app, 'member@city.test', ['member_contact']);
});
afterAll(() => t.close());

async function readOutbox(): Promise<Email[]> {
  const dir = outboxDir(t.config);
  const files = (await fs.readdir(dir).catch(() => [])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => PostalMime.parse(await fs.readFile(path.join(dir, f)))));
}

describe('password sign-in', () => {
  it('opens a session in an httpOnly, SameSite cookie and stores only a hashed password', async () => {
    const visitor = new Visitor(t.app);
    const response = await visitor.post('/en/sign-in', { email: ' Admin@GSEF.test ', password: 'correct horse battery' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/');
    const cookie = response.cookies.find((c) => c.name === 'sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const home = await visitor.get('/en/');
    expect(home.body).toContain('Sign out (admin)');
    const { password_hash } = await t.app.ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'admin@gsef.test').executeTakeFirstOrThrow();
    expect(password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with the error next to the field, in the reader’s language', async () => {
    const response = await new Visitor(t.app).post('/fr/sign-in', { email: 'admin@gsef.test', password: 'wrong' });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('<p class="field-error" id="password-error">Cette adresse et ce mot de passe ne correspondent à aucun compte.</p>');
    expect(response.body).toContain('value="admin@gsef.test"');
    expect(response.cookies.find((c) => c.name === 'sid')).toBeUndefined();
  });

  it('names each invalid field', async () => {
    const response = await new Visitor(t.app).post('/es/sign-in', { email: 'not-an-address', password: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Escriba una dirección como nombre@ejemplo.org.');
    expect(response.body).toContain('<p class="field-error" id="password-error">Este campo es obligatorio.</p>');
  });

  it('refuses a form without a valid CSRF token', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/ko/sign-in', headers: FORM, payload: form({ email: 'admin@gsef.test', password: 'correct horse battery' }) });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('양식이 만료되었습니다');
    const visitor = new Visitor(t.app);
    await visitor.get('/en/sign-in');
    const forged = await t.app.inject({ method: 'POST', url: '/en/sign-in', headers: { ...FORM, cookie: visitor.cookies }, payload: form({ email: 'admin@gsef.test', password: 'correct horse battery', _csrf: 'forged' }) });
    expect(forged.statusCode).toBe(403);
  });

  it('limits sign-in attempts from one address', async () => {
    const visitor = new Visitor(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await visitor.post('/en/sign-in', { email: 'member@city.test', password: `guess ${i}` })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('only redirects to a path on this site after sign-in', async () => {
    const visitor = new Visitor(t.app);
    const response = await visitor.post('/en/sign-in', { email: 'editor@gsef.test', password: 'correct horse battery', next: '//evil.example/steal' });
    expect(response.headers.location).toBe('/en/');
  });
});

describe('sign-in by e-mail link', () => {
  it('mails a single-use link that opens a session after a confirming POST', async () => {
    const visitor = new Visitor(t.app);
    const sent = await visitor.post('/fr/sign-in/link', { 'link-email': 'member@city.test' }, { from: '/fr/sign-in' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('un lien de connexion vient de lui être envoyé');
    expect(await t.app.ctx.jobs.drain()).toBeGreaterThanOrEqual(1);
    const mail = (await readOutbox()).find((m) => m.to?.[0]?.address === 'member@city.test')!;
    expect(mail.subject).toBe('Votre lien de connexion à Passerelle');
    const link = /http:\/\/passerelle\.test(\/fr\/sign-in\/link\/[\w-]+)/.exec(mail.text ?? '')![1]!;

    const confirm = await visitor.get(link);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    const used = await visitor.post(link, {}, { from: link });
    expect(used.statusCode).toBe(303);
    expect((await visitor.get('/fr/')).body).toContain('Se déconnecter');

    const again = await new Visitor(t.app).post(link, {}, { from: link });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Ce lien de connexion a expiré ou a déjà servi.');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = (await readOutbox()).length;
    const response = await new Visitor(t.app).post('/en/sign-in/link', { 'link-email': 'nobody@nowhere.test' }, { from: '/en/sign-in' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('If an account uses this address');
    await t.app.ctx.jobs.drain();
    expect((await readOutbox()).length).toBe(before);
  });

  it('does the same work for an account and for no account: one queued job, the same answer', async () => {
    const queued = async () => Number((await t.app.ctx.pool.query("SELECT count(*) AS n FROM pgboss.job WHERE name = 'auth.sign-in-link'")).rows[0].n);
    const answers = [];
    for (const email of ['editor@gsef.test', 'no.account@gsef.test']) {
      const before = await queued();
      const response = await new Visitor(t.app).post('/en/sign-in/link', { 'link-email': email }, { from: '/en/sign-in' });
      // The request only enqueued the job: no link exists yet, whichever address it was.
      expect(await queued()).toBe(before + 1);
      answers.push({ status: response.statusCode, body: response.body.replace(/name="_csrf" value="[^"]+"/g, ''), cookies: response.cookies.map((c) => c.name) });
    }
    expect(answers[1]).toEqual(answers[0]);
    await t.app.ctx.jobs.drain();
    expect((await readOutbox()).filter((m) => m.to?.[0]?.address === 'no.account@gsef.test')).toEqual([]);
    expect((await readOutbox()).filter((m) => m.to?.[0]?.address === 'editor@gsef.test')).toHaveLength(1);
  });

  it('mails one address at most five links an hour, however many visitors ask', async () => {
    await createUser(t.app, 'popular@gsef.test', ['editor']);
    for (let i = 0; i < 7; i++) {
      expect((await new Visitor(t.app).post('/en/sign-in/link', { 'link-email': 'popular@gsef.test' }, { from: '/en/sign-in' })).statusCode).toBe(200);
    }
    await t.app.ctx.jobs.drain();
    expect((await readOutbox()).filter((m) => m.to?.[0]?.address === 'popular@gsef.test')).toHaveLength(5);
  });

  it('validates the address', async () => {
    const response = await new Visitor(t.app).post('/en/sign-in/link', { 'link-email': 'x@' }, { from: '/en/sign-in' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter an e-mail address like name@example.org.');
  });
});

describe('roles and the back-office', () => {
  it('sends a visitor to sign in, then back', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/es/admin/users' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/es/sign-in?next=%2Fes%2Fadmin%2Fusers');
  });

  it('refuses a member contact the back-office and an editor the accounts', async () => {
    const member = await signIn(t.app, 'member@city.test');
    expect((await member.get('/en/admin')).statusCode).toBe(403);
    const editor = await signIn(t.app, 'editor@gsef.test');
    expect((await editor.get('/en/admin')).statusCode).toBe(200);
    const refused = await editor.get('/fr/admin/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Accès refusé');
  });

  it('lets an admin create an account, records it in the audit log, and refuses a duplicate', async () => {
    const admin = await signIn(t.app, 'admin@gsef.test');
    const created = await admin.post('/en/admin/users', { email: 'New.Person@gsef.test', name: 'New Person', roles: ['reviewer', 'editor'], lang: 'ko', password: '' });
    expect(created.statusCode).toBe(200);
    expect(created.body).toContain('The account new.person@gsef.test has been created.');
    const row = await t.app.ctx.db.selectFrom('users').select(['roles', 'lang', 'password_hash']).where('email', '=', 'new.person@gsef.test').executeTakeFirstOrThrow();
    expect(row).toEqual({ roles: ['reviewer', 'editor'], lang: 'ko', password_hash: null });
    const audit = await admin.get('/en/admin/audit');
    expect(audit.body).toMatch(/<td>admin@gsef\.test<\/td><td><code>user\.create<\/code><\/td><td>user #\d+<\/td>/);

    const duplicate = await admin.post('/en/admin/users', { email: 'new.person@gsef.test', roles: 'editor', lang: 'en', password: '' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toContain('An account already uses this e-mail address.');
  });

  it('explains every invalid field of a new account and stores nothing', async () => {
    const admin = await signIn(t.app, 'admin@gsef.test');
    const count = async () => (await t.app.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const response = await admin.post('/ko/admin/users', { email: 'bad', roles: 'emperor', lang: 'xx', password: 'short' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('name@example.org 형식의 이메일 주소를 입력하세요.');
    expect(response.body).toContain('목록에서 역할을 고르세요.');
    expect(response.body).toContain('비밀번호는 12자 이상이어야 합니다.');
    expect(await count()).toBe(before);
  });

  it('signs out and forgets the session', async () => {
    const visitor = await signIn(t.app, 'editor@gsef.test');
    const oldCookies = visitor.cookies;
    const response = await visitor.post('/en/sign-out', {}, { from: '/en/' });
    expect(response.statusCode).toBe(303);
    const replay = await t.app.inject({ method: 'GET', url: '/en/admin', headers: { cookie: oldCookies } });
    expect(replay.statusCode).toBe(303);
  });
});
