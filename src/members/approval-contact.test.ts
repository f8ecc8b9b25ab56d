import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';

// Issue 15: the approval of an application makes the applicant's address a contact of the new member.
let t: TestApp;
let committee: Visitor;
const smtp = new TestSmtpServer();

beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
  await createUser(t.app, 'chair@example.org', ['steering_committee']);
  committee = await signIn(t.app, 'chair@example.org');
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

const db = () => t.app.ctx.db;
const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to?.[0]?.address === address);

const application = (name: string, email: string) => ({
  organisation_name: name,
  kind: 'local_government',
  category: 'city',
  country: 'PE',
  city: 'Cusco',
  website: '',
  focal_name: 'Rosa Quispe',
  email,
  focal_phone: '+51 84 000 000',
  head_name: 'Alcalde',
  head_title: 'Alcalde',
  general_email: '',
  signatory_name: 'Rosa Quispe',
  signatory_title: 'Regidora',
  sse_situation: 'Cooperativas de tejedoras y una red de ferias de economía solidaria.',
  intent: 'submit',
});

async function apply(name: string, email: string): Promise<number> {
  const response = await new Visitor(t.app).post('/es/join', application(name, email));
  expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
  return (await db().selectFrom('membership_applications').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function approve(id: number) {
  const meeting = await db().selectFrom('meetings').select('id').where('slug', '=', 'steering-committee-2019-q4').executeTakeFirstOrThrow();
  const response = await committee.post(`/en/admin/applications/${id}/decision`, { meeting_id: String(meeting.id), outcome: 'approved', method: 'consensus', note: '' }, { from: `/en/admin/applications/${id}` });
  expect(response.statusCode).toBe(303);
  const { member_id } = await db().selectFrom('membership_applications').select('member_id').where('id', '=', id).executeTakeFirstOrThrow();
  return db().selectFrom('members').select(['id', 'slug']).where('id', '=', member_id!).executeTakeFirstOrThrow();
}

describe('approval of an application', () => {
  it('makes the applicant a contact of the new member, mailed a sign-in link in the application’s language', async () => {
    const id = await apply('Municipalidad de Cusco', 'rosa@cusco.example.pe');
    const member = await approve(id);
    const user = await db().selectFrom('users').select(['id', 'roles', 'lang', 'name']).where('email', '=', 'rosa@cusco.example.pe').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ roles: ['member_contact'], lang: 'es', name: 'Rosa Quispe' });
    expect(await db().selectFrom('member_contacts').select(['member_id']).where('user_id', '=', user.id).execute()).toEqual([{ member_id: member.id }]);
    const audit = await db().selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'member.contact.invite').where('entity_id', '=', String(member.id)).execute();
    expect(audit).toEqual([{ action: 'member.contact.invite', details: { userId: user.id } }]);

    await t.app.ctx.jobs.drain();
    const signInMail = mailsTo('rosa@cusco.example.pe').find((mail) => mail.subject === 'Su enlace para iniciar sesión en Passerelle');
    expect(signInMail, mailsTo('rosa@cusco.example.pe').map((m) => m.subject).join(' | ')).toBeDefined();
    const link = /http:\/\/passerelle\.test(\/es\/sign-in\/link\/[\w-]+)/.exec(signInMail!.text ?? '')![1]!;
    const contact = new Visitor(t.app);
    expect((await contact.post(link, {}, { from: link })).statusCode).toBe(303);
    const space = await contact.get(`/es/my-member/${member.slug}`);
    expect(space.statusCode).toBe(200);
    expect(space.body).toContain('Municipalidad de Cusco');
    // Approving is once: a second decision is refused, and nothing is linked or mailed again.
    const again = await committee.post(`/en/admin/applications/${id}/decision`, { meeting_id: '1', outcome: 'approved', method: 'consensus', note: '' }, { from: `/en/admin/applications/${id}` });
    expect(again.statusCode).toBe(409);
    expect(await db().selectFrom('member_contacts').select('member_id').where('user_id', '=', user.id).execute()).toHaveLength(1);
  });

  it('gives an existing account the contact role and the link, keeping its roles', async () => {
    await createUser(t.app, 'reviewer@arequipa.example.pe', ['reviewer']);
    const id = await apply('Municipalidad de Arequipa', 'reviewer@arequipa.example.pe');
    const member = await approve(id);
    const user = await db().selectFrom('users').select(['id', 'roles']).where('email', '=', 'reviewer@arequipa.example.pe').executeTakeFirstOrThrow();
    expect(user.roles).toEqual(['reviewer', 'member_contact']);
    expect(await db().selectFrom('member_contacts').select('member_id').where('user_id', '=', user.id).execute()).toEqual([{ member_id: member.id }]);
    expect(await db().selectFrom('outgoing_mail').select('purpose').where('to_address', '=', 'reviewer@arequipa.example.pe').where('purpose', '=', 'sign-in-link').execute()).toHaveLength(1);
  });
});
