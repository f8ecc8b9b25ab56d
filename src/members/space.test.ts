import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, signInFromMail as signInFromMailOf, Visitor, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
let editor: Visitor;
let bamakoContact: Visitor;
let seoulContact: Visitor;

const db = () => t.app.ctx.db;
const signInFromMail = (email: string) => signInFromMailOf(t.app, email);
const member = (slug: string) => db().selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id')
  .select(['members.description', 'members.contacts', 'o.website']).where('members.slug', '=', slug).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'space-editor@example.org', ['editor']);
  editor = await signIn(t.app, 'space-editor@example.org');
});
afterAll(() => t?.close());

describe('member contacts, invited by the secretariat', () => {
  it('invites a contact: an account linked to the member, mailed a sign-in link in its language', async () => {
    const bad = await editor.post('/fr/admin/members/bamako/contacts', { name: '', email: 'not-an-email', lang: 'fr' }, { from: '/fr/admin/members/bamako/space' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p class="field-error" id="name-error">Ce champ est obligatoire.</p>');
    const invited = await editor.post('/en/admin/members/bamako/contacts', { name: 'Aminata Traoré', email: 'aminata@bamako.example.ml', lang: 'fr' }, { from: '/en/admin/members/bamako/space' });
    expect(invited.statusCode).toBe(303);
    expect((await editor.get(invited.headers.location!)).body).toContain('aminata@bamako.example.ml');
    const user = await db().selectFrom('users').select(['roles', 'lang', 'password_hash']).where('email', '=', 'aminata@bamako.example.ml').executeTakeFirstOrThrow();
    expect(user).toEqual({ roles: ['member_contact'], lang: 'fr', password_hash: null });
    const mail = await db().selectFrom('outgoing_mail').select('subject').where('to_address', '=', 'aminata@bamako.example.ml').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Votre lien de connexion à Passerelle');
    const twice = await editor.post('/en/admin/members/bamako/contacts', { name: 'Aminata Traoré', email: 'aminata@bamako.example.ml', lang: 'fr' }, { from: '/en/admin/members/bamako/space' });
    expect(twice.statusCode).toBe(409);
    expect((await editor.post('/en/admin/members/seoul/contacts', { name: 'Ji-won Park', email: 'jiwon@seoul.example.kr', lang: 'ko' }, { from: '/en/admin/members/seoul/space' })).statusCode).toBe(303);
    bamakoContact = await signInFromMail('aminata@bamako.example.ml');
    seoulContact = await signInFromMail('jiwon@seoul.example.kr');
  });

  it('shows a contact its own member, and never another member’s page or form', async () => {
    const list = await bamakoContact.get('/fr/my-member');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/fr/my-member/bamako"');
    expect(list.body).toContain('<a href="/fr/my-member">Mon espace membre</a>');
    expect(list.body).not.toContain('/my-member/seoul');
    expect((await bamakoContact.get('/fr/my-member/bamako')).statusCode).toBe(200);
    expect((await bamakoContact.get('/fr/my-member/seoul')).statusCode).toBe(404);
    expect((await seoulContact.get('/ko/my-member/bamako')).statusCode).toBe(404);
    const before = await member('bamako');
    const forged = await seoulContact.post('/ko/my-member/bamako', { description: 'Hacked', description_lang: 'en', website: 'https://evil.example', focal_name: 'X', focal_email: '', focal_phone: '' }, { from: '/ko/my-member/seoul' });
    expect(forged.statusCode).toBe(404);
    expect(await member('bamako')).toEqual(before);
    // Nor the back-office pages of any member.
    expect((await bamakoContact.get('/fr/admin/members/bamako')).statusCode).toBe(403);
    expect((await bamakoContact.get('/fr/admin/members/bamako/space')).statusCode).toBe(403);
    expect((await bamakoContact.post('/fr/admin/members/bamako/record', {}, { from: '/fr/my-member/bamako' })).statusCode).toBe(403);
  });

  it('keeps a public change for the secretariat’s review; the focal point is saved at once', async () => {
    const bad = await bamakoContact.post('/es/my-member/bamako', { description: '', description_lang: 'es', website: 'bamako.ml', focal_name: '', focal_email: '', focal_phone: '' }, { from: '/es/my-member/bamako' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/<p class="field-error" id="website-error">[^<]+<\/p>/);
    const saved = await bamakoContact.post('/fr/my-member/bamako', { description: 'La ville de Bamako soutient les coopératives de femmes.', description_lang: 'fr', website: 'https://bamako.example.ml', focal_name: 'Aminata Traoré', focal_email: 'aminata@bamako.example.ml', focal_phone: '' }, { from: '/fr/my-member/bamako' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/fr/my-member/bamako?notice=pending');
    const now = await member('bamako');
    expect(now.website).toBeNull();
    expect(now.contacts).toMatchObject({ focal: { name: 'Aminata Traoré' } });
    expect((await t.app.inject('/fr/members/bamako')).body).not.toContain('coopératives de femmes');
    const space = await editor.get('/en/admin/members/bamako/space');
    expect(space.body).toContain('La ville de Bamako soutient les coopératives de femmes.');
    const change = await db().selectFrom('member_profile_changes').select('id').where('status', '=', 'pending').executeTakeFirstOrThrow();
    // A contact cannot publish its own change.
    expect((await bamakoContact.post(`/fr/admin/members/bamako/changes/${change.id}`, { decision: 'publish' }, { from: '/fr/my-member/bamako' })).statusCode).toBe(403);
    const published = await editor.post(`/en/admin/members/bamako/changes/${change.id}`, { decision: 'publish' }, { from: '/en/admin/members/bamako/space' });
    expect(published.statusCode).toBe(303);
    expect((await t.app.inject('/fr/members/bamako')).body).toContain('coopératives de femmes');
    expect((await member('bamako')).website).toBe('https://bamako.example.ml');
    const again = await editor.post(`/en/admin/members/bamako/changes/${change.id}`, { decision: 'reject' }, { from: '/en/admin/members/bamako/space' });
    expect(again.statusCode).toBe(409);
    expect((await editor.post(`/en/admin/members/seoul/changes/${change.id}`, { decision: 'reject' }, { from: '/en/admin/members/seoul/space' })).statusCode).toBe(404);
  });

  it('publishes at once when the secretariat says so', async () => {
    const setting = await editor.post('/en/admin/membership/member-edits', { review: 'no', from: 'seoul' }, { from: '/en/admin/members/seoul/space' });
    expect(setting.statusCode).toBe(303);
    const saved = await seoulContact.post('/ko/my-member/seoul', { description: '서울시는 사회적경제를 지원합니다.', description_lang: 'ko', website: 'https://seoul.example.kr', focal_name: '박지원', focal_email: '', focal_phone: '' }, { from: '/ko/my-member/seoul' });
    expect(saved.headers.location).toBe('/ko/my-member/seoul?notice=published');
    expect((await t.app.inject('/ko/members/seoul')).body).toContain('서울시는 사회적경제를 지원합니다.');
    const audit = await db().selectFrom('audit_log').select('action').where('action', 'like', 'member.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['member.contact.invite', 'member.contact.invite', 'member.own.edit', 'member.change.publish', 'member.space.review_setting', 'member.own.edit']);
  });
});
