import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall, insertSubmission } from '../../../test/calls-fixtures.ts';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../../test/helpers.ts';
import { TestSmtpServer } from '../../../test/smtp.ts';
import { original } from '../../i18n/translatable.ts';
import { NOTIFY_JOB, sendDecisionMails } from './notify.ts';

let t: TestApp;
let smtp: TestSmtpServer;
let editor: Visitor;

beforeAll(async () => {
  smtp = new TestSmtpServer();
  t = await createTestApp({ smtpUrl: await smtp.start() });
  await createUser(t.app, 'notify-editor@example.org', ['editor']);
  editor = await signIn(t.app, 'notify-editor@example.org');
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const db = () => t.app.ctx.db;
const received = (to: string) => smtp.received.filter((mail) => mail.to?.some((address) => address.address === to));

async function callWith(slug: string, people: { lang: 'en' | 'fr' | 'es' | 'ko'; decision: 'accepted' | 'waitlisted' | 'rejected'; title: string }[]) {
  const callId = await insertCall(db(), { slug, state: 'in_review', title: JSON.stringify(original('en', `Forum ${slug}`)) });
  const ids: number[] = [];
  for (const [i, person] of people.entries()) {
    const { id } = await insertSubmission(db(), callId, { lang: person.lang, titleText: person.title, email: `${slug}-${i}@example.org`, decision: person.decision,
      presenters: JSON.stringify([{ name: `Person ${i}`, role: 'Director', organisation: 'Org' }]) });
    ids.push(id);
  }
  return { callId, ids };
}

describe('decision mails', () => {
  const SLUG = 'notify-four';
  const BASE = `/en/admin/calls/${SLUG}/notifications`;
  const people = [
    { lang: 'fr', decision: 'accepted', title: 'Monnaie locale à Bordeaux' },
    { lang: 'es', decision: 'waitlisted', title: 'Cooperativas de Bilbao' },
    { lang: 'ko', decision: 'accepted', title: '서울 사회적경제 지원' },
    { lang: 'en', decision: 'rejected', title: 'Community land trust' },
  ] as const;

  it('shows every mail before release exactly as it will be sent, from the call\'s templates or the catalog\'s', async () => {
    await callWith(SLUG, [...people]);
    const templates = await editor.get(BASE);
    expect(templates.statusCode).toBe(200);
    expect(templates.body).toContain('Votre initiative est retenue : {title}');
    // The French acceptance is rewritten by the secretariat; the others keep the catalog's.
    const fields: Record<string, string> = {};
    for (const match of templates.body.matchAll(/<input id="(subject_[a-z]{2}_[a-z]+)" name="\1" value="([^"]*)"/g)) fields[match[1]!] = match[2]!.replace(/&#x27;|&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const match of templates.body.matchAll(/<textarea id="(body_[a-z]{2}_[a-z]+)" name="\1" rows="8">([^<]*)<\/textarea>/g)) fields[match[1]!] = match[2]!.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, '\'').replace(/&amp;/g, '&');
    expect(Object.keys(fields)).toHaveLength(24);
    fields.subject_fr_accepted = 'Bravo : {title} est retenue pour {call}';
    fields.body_fr_accepted = 'Bonjour {presenter},\n\n« {title} » sera présentée au forum.';
    expect((await editor.post(BASE, fields)).statusCode).toBe(303);

    const preview = await editor.get(`${BASE}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('4 mails will be sent, exactly as shown.');
    expect(preview.body).toContain('Bravo : Monnaie locale à Bordeaux est retenue pour Forum notify-four');
    expect(preview.body).toContain('<p>Bonjour Person 0,</p><p>« Monnaie locale à Bordeaux » sera présentée au forum.</p>');
    expect(preview.body).toContain('Su iniciativa está en lista de espera: Cooperativas de Bilbao');
    expect(preview.body).toContain('귀하의 사례가 선정되었습니다: 서울 사회적경제 지원');
    expect(preview.body).toContain('About your initiative: Community land trust');
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses a template without a subject, by name, and keeps the saved ones', async () => {
    const response = await editor.post(`/ko${BASE.slice(3)}`, { subject_fr_accepted: '' }, { from: `/ko${BASE.slice(3)}` });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('필수 항목입니다.');
    const callId = (await db().selectFrom('calls').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()).id;
    expect((await db().selectFrom('call_mail_templates').select('subject').where('call_id', '=', callId).where('lang', '=', 'fr').where('decision', '=', 'accepted').executeTakeFirstOrThrow()).subject)
      .toBe('Bravo : {title} est retenue pour {call}');
  });

  it('releases the decisions and sends each submitter one mail in their language, the one previewed', async () => {
    const release = await editor.post(`${BASE}/release`, {}, { from: `${BASE}/preview` });
    expect(release.statusCode).toBe(303);
    expect(release.headers.location).toBe(`/en/admin/calls/${SLUG}/selection?done=released&count=4`);
    expect(await t.app.ctx.jobs.drain([NOTIFY_JOB])).toBe(1);
    const subjects = people.map((_, i) => received(`${SLUG}-${i}@example.org`).map((mail) => mail.subject));
    expect(subjects).toEqual([
      ['Bravo : Monnaie locale à Bordeaux est retenue pour Forum notify-four'],
      ['Su iniciativa está en lista de espera: Cooperativas de Bilbao'],
      ['귀하의 사례가 선정되었습니다: 서울 사회적경제 지원'],
      ['About your initiative: Community land trust'],
    ]);
    expect(received(`${SLUG}-0@example.org`)[0]!.text).toContain('« Monnaie locale à Bordeaux » sera présentée au forum.');
    expect(received(`${SLUG}-2@example.org`)[0]!.text).toContain('Person 2 님께');
    const released = await db().selectFrom('submissions').innerJoin('calls', 'calls.id', 'submissions.call_id').select('decision_released_at').where('calls.slug', '=', SLUG).execute();
    expect(released.every((row) => row.decision_released_at !== null)).toBe(true);
  });

  it('answers a second release with a named 409 and sends nothing twice', async () => {
    const again = await editor.post(`/fr${BASE.slice(3)}/release`, {}, { from: `/fr${BASE.slice(3)}/preview` });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Ces décisions sont déjà communiquées');
    await t.app.ctx.jobs.drain([NOTIFY_JOB]);
    expect(smtp.received.filter((mail) => (mail.to?.[0]?.address ?? '').startsWith(SLUG))).toHaveLength(4);
    // A released decision no longer changes.
    const row = await db().selectFrom('submissions').select(['id', 'version']).where('email', '=', `${SLUG}-0@example.org`).executeTakeFirstOrThrow();
    const change = await editor.post(`/en/admin/calls/${SLUG}/selection/decide`, { id: String(row.id), version: String(row.version), decision: 'rejected' }, { from: `/en/admin/calls/${SLUG}/selection` });
    expect(change.statusCode).toBe(409);
    expect(change.body).toContain('This decision is already released and can no longer change.');
  });
});

describe('a mail server failing mid-notification', () => {
  it('stops, resumes later, and every submitter gets exactly one mail', async () => {
    const SLUG = 'notify-failing';
    const people = Array.from({ length: 6 }, (_, i) => ({ lang: (['en', 'fr', 'es', 'ko'] as const)[i % 4]!, decision: 'accepted' as const, title: `Initiative ${i}` }));
    const { callId } = await callWith(SLUG, people);
    expect((await editor.post(`/en/admin/calls/${SLUG}/notifications/release`, {}, { from: `/en/admin/calls/${SLUG}/notifications/preview` })).statusCode).toBe(303);
    // The server takes two messages, then refuses every one (a 451, as a full spool answers).
    let seen = 0;
    smtp.beforeRcpt = async () => {
      if (++seen > 2) smtp.refuseWith = 451;
    };
    await t.app.ctx.jobs.drain([NOTIFY_JOB]);
    const stages = async () => (await db().selectFrom('call_notifications').select(['stage', sql<number>`count(*)::int`.as('n')]).where('call_id', '=', callId).groupBy('stage').execute())
      .reduce((all, row) => ({ ...all, [row.stage]: row.n }), {} as Record<string, number>);
    expect(await stages()).toEqual({ sent: 2, pending: 4 });
    const mine = () => smtp.received.filter((mail) => (mail.to?.[0]?.address ?? '').startsWith(SLUG));
    expect(mine()).toHaveLength(2);

    // Then the server stops altogether: nothing is taken, nothing is lost.
    smtp.beforeRcpt = null;
    smtp.refuseWith = null;
    await smtp.stop();
    await expect(sendDecisionMails(t.app.ctx, callId)).rejects.toThrow();
    expect(await stages()).toEqual({ sent: 2, pending: 4 });

    // Back again: the job's retry (the same function) finishes, once each.
    const restarted = new TestSmtpServer();
    Object.assign(restarted, { received: smtp.received });
    await new Promise<void>((resolve) => (restarted as unknown as { server: { listen: (p: number, h: string, cb: () => void) => void } }).server.listen(smtp.port, '127.0.0.1', resolve));
    await sendDecisionMails(t.app.ctx, callId);
    await sendDecisionMails(t.app.ctx, callId);
    expect(await stages()).toEqual({ sent: 6 });
    const counts = people.map((_, i) => mine().filter((mail) => mail.to?.[0]?.address === `${SLUG}-${i}@example.org`).length);
    expect(counts).toEqual([1, 1, 1, 1, 1, 1]);
    smtp = restarted;
  });

  it('never resends a mail a dead sender may have handed over: it is marked unconfirmed', async () => {
    const SLUG = 'notify-crashed';
    const { callId, ids } = await callWith(SLUG, [{ lang: 'ko', decision: 'rejected', title: 'A' }, { lang: 'es', decision: 'accepted', title: 'B' }]);
    expect((await editor.post(`/en/admin/calls/${SLUG}/notifications/release`, {}, { from: `/en/admin/calls/${SLUG}/notifications/preview` })).statusCode).toBe(303);
    // As a sender killed during the SMTP exchange leaves it: claimed, never settled.
    await db().updateTable('call_notifications').set({ stage: 'sending', attempts: 1 }).where('submission_id', '=', ids[0]!).execute();
    await t.app.ctx.jobs.drain([NOTIFY_JOB]);
    const rows = await db().selectFrom('call_notifications').select(['submission_id', 'stage']).where('call_id', '=', callId).orderBy('submission_id').execute();
    expect(rows.map((row) => row.stage)).toEqual(['unconfirmed', 'sent']);
    expect(smtp.received.filter((mail) => (mail.to?.[0]?.address ?? '').startsWith(SLUG)).map((mail) => mail.to?.[0]?.address)).toEqual([`${SLUG}-1@example.org`]);
    const preview = await editor.get(`/en/admin/calls/${SLUG}/notifications/preview`);
    expect(preview.body).toContain('1 sent, 0 waiting, 1 unconfirmed');
  });
});
