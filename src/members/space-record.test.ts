import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, SAMPLE_FILES, signIn, type TestApp, type Visitor } from '../../test/helpers.ts';
import { insertCall, insertSubmission } from '../../test/calls-fixtures.ts';
import { LANGS } from '../i18n/langs.ts';
import { original, textOf, type Translatable } from '../i18n/translatable.ts';

let t: TestApp;
let contact: Visitor;
let slug: string;
let otherSlug: string;
let attachmentId: number;
let otherName: Translatable;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.app.ctx.db;
  const [member, other] = await db.selectFrom('members').select(['id', 'slug', 'organisation_id']).where('status', '=', 'active').orderBy('id').limit(2).execute();
  slug = member!.slug;
  otherSlug = other!.slug;
  const userId = await createUser(t.app, 'record-contact@example.org', ['member_contact']);
  await db.insertInto('member_contacts').values({ user_id: userId, member_id: member!.id }).execute();
  contact = await signIn(t.app, 'record-contact@example.org');

  // A members-only meeting with a private attachment, a summary, and the member's attendance.
  const meeting = await db.selectFrom('meetings').select(['id', 'body_id']).orderBy('starts_on', 'desc').executeTakeFirstOrThrow();
  await db.updateTable('meetings').set({ summary: JSON.stringify(original('en', 'The committee admitted two members.')), minutes: 'Internal working notes' }).where('id', '=', meeting.id).execute();
  attachmentId = (await db.insertInto('meeting_attachments').values({ meeting_id: meeting.id, file_key: await t.app.ctx.files.put(SAMPLE_FILES.pdf), file_name: 'members-only.pdf', mime: 'application/pdf', size: SAMPLE_FILES.pdf.length, public: false, uploaded_by: null })
    .returning('id').executeTakeFirstOrThrow()).id;
  const mandate = await db.insertInto('mandates').values({ body_id: meeting.body_id, member_id: member!.id, role: 'member', starts_on: '2000-01-01', position: 998 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('meeting_attendance').values({ meeting_id: meeting.id, mandate_id: mandate.id, status: 'excused' }).execute();
  // Two decisions of the meeting: an admission (the new member named) and a deferral (the applicant not named).
  await db.insertInto('meeting_decisions').values([
    { meeting_id: meeting.id, kind: 'membership', outcome: 'approved', method: 'vote', votes_for: 9, votes_against: 1, abstentions: 2, member_id: other!.id },
    { meeting_id: meeting.id, kind: 'membership', outcome: 'deferred', method: 'consensus', member_id: null, note: 'Applicant Town asked to wait' },
  ]).execute();
  otherName = (await db.selectFrom('organisations').select('name').where('id', '=', other!.organisation_id).executeTakeFirstOrThrow()).name as Translatable;

  const activity = await db.selectFrom('activities').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db.insertInto('registrations').values({ activity_id: activity.id, email: 'record-contact@example.org', name: 'Record Contact', lang: 'en', status: 'confirmed', cancel_token_hash: 'x'.repeat(64) }).execute();

  const callId = await insertCall(db, { slug: 'record-call', state: 'decided' });
  await insertSubmission(db, callId, { organisation_id: member!.organisation_id, titleText: 'Our released proposal', decision: 'accepted', decision_released_at: new Date() });
  await insertSubmission(db, callId, { organisation_id: member!.organisation_id, titleText: 'Our pending proposal', decision: 'rejected' });
  await insertSubmission(db, callId, { organisation_id: other!.organisation_id, titleText: 'Somebody else’s proposal' });
});
afterAll(() => t?.close());

describe('a member’s record in its space', () => {
  it('shows the meetings with their summary, decisions and members-only documents, never the minutes, in four languages', async () => {
    for (const lang of LANGS) {
      const page = await contact.get(`/${lang}/my-member/${slug}/record`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('The committee admitted two members.');
      expect(page.body).toContain(`href="/${lang}/governance/attachments/${attachmentId}"`);
      expect(page.body).not.toContain('Internal working notes');
    }
    const fr = (await contact.get(`/fr/my-member/${slug}/record`)).body;
    expect(fr).toContain('Excusé');
    expect(fr).toContain(`${textOf(otherName, 'fr').replace(/'/g, '&#39;')} · `);
    expect(fr).toContain('9 pour, 1 contre, 2 abstentions');
    expect(fr).not.toContain('Applicant Town');
    const file = await contact.get(`/en/governance/attachments/${attachmentId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toContain('private');
  });

  it('lists the contacts’ registrations and the member’s submissions, a decision only once released', async () => {
    const page = (await contact.get(`/en/my-member/${slug}/record`)).body;
    expect(page).toContain('Record Contact · Confirmed');
    expect(page).toMatch(/Our released proposal · selected/);
    expect(page).toMatch(/Our pending proposal · submitted/);
    expect(page).not.toContain('Somebody else’s proposal');
    expect((await contact.get(`/ko/my-member/${slug}/record`)).body).toContain('선정됨');
  });

  it('answers 404 to a contact of another member and to the public, as for an unknown member', async () => {
    expect((await contact.get(`/en/my-member/${otherSlug}/record`)).statusCode).toBe(404);
    expect((await contact.get('/en/my-member/no-such-member/record')).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/en/my-member/${slug}/record` });
    expect(anonymous.statusCode).toBe(303);
  });
});
