import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
let editor: Visitor;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'secretariat@example.org', ['editor']);
  editor = await signIn(t.app, 'secretariat@example.org');
});
afterAll(() => t?.close());

const db = () => t.app.ctx.db;
const statusOf = async (slug: string) => (await db().selectFrom('members').select('status').where('slug', '=', slug).executeTakeFirstOrThrow()).status;
const apiSlugs = async (query: string) => ((await t.app.inject(`/api/v1/members?${query}`)).json() as { items: { slug: string; status: string }[] }).items.map((item) => `${item.slug}:${item.status}`);
const steps = (html: string) => [...html.matchAll(/<li><strong>([^<]+)<\/strong>([^<]*)<br\/><span class="meta">[^·<]+· ([^<]+)<\/span>(?:<p>([^<]*)<\/p>)?/g)].map((m) => [m[1], m[2], m[3], m[4]]);
const from = (slug: string) => ({ from: `/en/admin/members/${slug}` });

describe('suspension and reinstatement', () => {
  it('needs a reason and a date, with the messages next to the fields, and changes nothing without them', async () => {
    const bad = await editor.post('/fr/admin/members/bamako/suspend', { change_reason: '', change_on: 'demain' }, from('bamako'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/<p class="field-error" id="change_reason-error">[^<]+<\/p>/);
    expect(bad.body).toMatch(/<p class="field-error" id="change_on-error">[^<]+<\/p>/);
    expect(await statusOf('bamako')).toBe('active');
  });

  it('suspends an active member and reinstates it, in the timeline, the audit log, the filters and the API', async () => {
    const suspended = await editor.post('/en/admin/members/bamako/suspend', { change_reason: 'Fee unpaid for two years', change_on: '2026-03-01' }, from('bamako'));
    expect(suspended.statusCode).toBe(303);
    expect(await statusOf('bamako')).toBe('suspended');
    expect(await apiSlugs('status=suspended')).toEqual(['bamako:suspended']);
    expect((await t.app.inject('/en/members?status=suspended')).body).toContain('href="/en/members/bamako"');
    const again = await editor.post('/en/admin/members/bamako/suspend', { change_reason: 'Twice', change_on: '2026-03-02' }, from('bamako'));
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Only an active member can be suspended.');

    const reinstated = await editor.post('/en/admin/members/bamako/reinstate', { change_reason: 'Fee settled', change_on: '2026-06-01' }, from('bamako'));
    expect(reinstated.statusCode).toBe(303);
    expect(await statusOf('bamako')).toBe('active');
    expect(await apiSlugs('status=suspended')).toEqual([]);
    const page = (await editor.get('/en/admin/members/bamako')).body;
    expect(steps(page).slice(-2)).toEqual([
      ['Suspension', ' → Suspended (Mar 1, 2026)', 'secretariat@example.org', 'Fee unpaid for two years'],
      ['Reinstatement', ' → Active (Jun 1, 2026)', 'secretariat@example.org', 'Fee settled'],
    ]);
    const audit = await db().selectFrom('audit_log').select(['action', 'details']).where('action', 'in', ['membership.suspended', 'membership.reinstated']).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'membership.suspended', details: { reason: 'Fee unpaid for two years', effectiveOn: '2026-03-01' } },
      { action: 'membership.reinstated', details: { reason: 'Fee settled', effectiveOn: '2026-06-01' } },
    ]);
  });

  it('is refused to roles other than the secretariat', async () => {
    await createUser(t.app, 'chair@example.org', ['steering_committee']);
    const chair = await signIn(t.app, 'chair@example.org');
    const response = await chair.post('/en/admin/members/bamako/suspend', { change_reason: 'x', change_on: '2026-01-01' }, { from: '/en/governance' });
    expect(response.statusCode).toBe(403);
    expect(await statusOf('bamako')).toBe('active');
  });
});

describe('disqualification', () => {
  const decisions = async () => db().selectFrom('meeting_decisions').select(['meeting_id', 'kind', 'outcome', 'method', 'member_id', 'note']).where('member_id', 'is not', null).execute();

  it('cannot be recorded without a decision of a steering-committee meeting: 4xx, nothing stored', async () => {
    const withoutMeeting = await editor.post('/en/admin/members/bilbao/disqualify', { meeting_id: '', method: 'consensus', disqualify_reason: 'Breach of the charter', disqualify_on: '2026-05-01' }, from('bilbao'));
    expect(withoutMeeting.statusCode).toBe(400);
    expect(withoutMeeting.body).toMatch(/<p class="field-error" id="meeting_id-error">[^<]+<\/p>/);
    const unknownMeeting = await editor.post('/fr/admin/members/bilbao/disqualify', { meeting_id: '999999', method: 'consensus', disqualify_reason: 'Breach of the charter', disqualify_on: '2026-05-01' }, from('bilbao'));
    expect(unknownMeeting.statusCode).toBe(400);
    expect(unknownMeeting.body).toContain('<p class="field-error" id="meeting_id-error">');
    const throughEnd = await editor.post('/es/admin/members/bilbao/end', { outcome: 'disqualified', reason: 'Breach of the charter', effective_on: '2026-05-01' }, from('bilbao'));
    expect(throughEnd.statusCode).toBe(400);
    expect(throughEnd.body).toContain('<p class="field-error" id="outcome-error">Una exclusión debe registrarse a partir de una decisión del comité directivo.</p>');
    expect(await statusOf('bilbao')).toBe('active');
    expect(await decisions()).toEqual([]);
    expect(await db().selectFrom('membership_events').select('id').where('action', '=', 'disqualification').execute()).toEqual([]);
  });

  it('is recorded as a membership decision of the meeting, linked to the member, and shown in the timeline', async () => {
    const meeting = await db().selectFrom('meetings').select(['id', 'slug']).where('slug', '=', 'steering-committee-2019-q1').executeTakeFirstOrThrow();
    const member = await db().selectFrom('members').select('id').where('slug', '=', 'bilbao').executeTakeFirstOrThrow();
    const response = await editor.post('/en/admin/members/bilbao/disqualify',
      { meeting_id: String(meeting.id), method: 'vote', votes_for: '10', votes_against: '1', abstentions: '2', disqualify_reason: 'Breach of the charter', disqualify_on: '2026-05-01' }, from('bilbao'));
    expect(response.statusCode).toBe(303);
    expect(await statusOf('bilbao')).toBe('disqualified');
    expect(await decisions()).toEqual([{ meeting_id: meeting.id, kind: 'membership', outcome: 'approved', method: 'vote', member_id: member.id, note: 'Breach of the charter' }]);
    const event = await db().selectFrom('membership_events').select(['decision_id', 'status']).where('action', '=', 'disqualification').executeTakeFirstOrThrow();
    const decision = await db().selectFrom('meeting_decisions').select('id').where('member_id', '=', member.id).executeTakeFirstOrThrow();
    expect(event).toEqual({ decision_id: decision.id, status: 'disqualified' });
    expect(steps((await editor.get('/en/admin/members/bilbao')).body).at(-1)).toEqual(['Disqualification', ' → Disqualified (May 1, 2026)', 'secretariat@example.org', `${meeting.slug} · 10/1/2 · Breach of the charter`]);
    expect(await apiSlugs('status=disqualified')).toContain('bilbao:disqualified');
    const audit = await db().selectFrom('audit_log').select('details').where('action', '=', 'membership.disqualified').executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ reason: 'Breach of the charter', meeting: meeting.slug, decision: decision.id });
  });
});

describe('structured data on member pages', () => {
  const jsonLdOf = (html: string) => {
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    return { raw: blocks[0]!, data: JSON.parse(blocks[0]!) as Record<string, unknown> };
  };

  it('describes the member as a schema.org Organization, member of GSEF', async () => {
    const place = await db().selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id').select(['o.latitude', 'o.longitude']).where('members.slug', '=', 'seoul').executeTakeFirstOrThrow();
    const { data } = jsonLdOf((await t.app.inject('/fr/members/seoul')).body);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      url: 'http://passerelle.test/fr/members/seoul',
      address: { '@type': 'PostalAddress', addressLocality: 'Seoul', addressCountry: 'KR' },
      memberOf: { '@type': 'Organization', name: 'Global Social Economy Forum (GSEF)' },
    });
    expect(typeof data.name).toBe('string');
    if (place.latitude !== null) expect(data.geo).toEqual({ '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude });
    else expect(data.geo).toBeUndefined();
  });

  it('escapes the text so a name containing </script> cannot end the block', async () => {
    const hostile = 'Evil </script><script>alert(1)</script> & Co';
    const organisation = await db().selectFrom('members').select('organisation_id').where('slug', '=', 'seoul').executeTakeFirstOrThrow();
    await db().updateTable('organisations').set({ name: JSON.stringify({ en: { text: hostile, status: 'original' } }) }).where('id', '=', organisation.organisation_id).execute();
    await t.app.ctx.pageCache.invalidate();
    const html = (await t.app.inject('/en/members/seoul')).body;
    const { raw, data } = jsonLdOf(html);
    expect(raw).not.toContain('<');
    expect(raw).toContain('\\u003c/script\\u003e');
    expect(data.name).toBe(hostile);
    expect(html).not.toContain('<script>alert(1)');
  });
});
