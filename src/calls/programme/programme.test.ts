import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall, insertSubmission } from '../../../test/calls-fixtures.ts';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../../test/helpers.ts';
import { original } from '../../i18n/translatable.ts';

let t: TestApp;
let editor: Visitor;
let callId: number;
const SLUG = 'programme-test';
const EVENT = 'forum-programme-test';
const BASE = `/en/admin/calls/${SLUG}/programme`;
const ids: Record<'a' | 'b' | 'c' | 'd' | 'rejected', number> = { a: 0, b: 0, c: 0, d: 0, rejected: 0 };

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'programme-editor@example.org', ['editor']);
  editor = await signIn(t.app, 'programme-editor@example.org');
  callId = await insertCall(t.app.ctx.db, { slug: SLUG, event_slug: EVENT, state: 'decided', title: JSON.stringify(original('en', 'Forum of the programme test')) });
  const make = async (key: keyof typeof ids, lang: 'en' | 'fr' | 'es' | 'ko', title: string, decision: 'accepted' | 'rejected' = 'accepted') => {
    ids[key] = (await insertSubmission(t.app.ctx.db, callId, { lang, titleText: title, summaryText: `${title}: summary`, decision, country: lang === 'ko' ? 'KR' : 'ES', region: lang === 'ko' ? 'asia-pacific' : 'europe',
      city: lang === 'ko' ? 'Seoul' : 'Bilbao', organisation_name: `${title} organisation`, links: ['https://example.org/a'], themes: ['public-policy'] })).id;
  };
  await make('a', 'fr', 'Monnaie locale solidaire');
  await make('b', 'es', 'Cooperativas de vivienda');
  await make('c', 'ko', '서울 마을기업');
  await make('d', 'en', 'Community wealth building');
  await make('rejected', 'en', 'Not this one', 'rejected');
});
afterAll(() => t?.close());

const db = () => t.app.ctx.db;
const post = (path: string, fields: Record<string, string> = {}) => editor.post(`${BASE}${path}`, fields, { from: BASE });
const codeOf = async (id: number) => (await db().selectFrom('submissions').select(['code', 'version', 'workshop_id']).where('id', '=', id).executeTakeFirstOrThrow());
const workshopId = async (code: string) => (await db().selectFrom('programme_workshops').select('id').where('event_slug', '=', EVENT).where('code', '=', code).executeTakeFirstOrThrow()).id;
async function placeIn(id: number, code: string | null) {
  const { version } = await codeOf(id);
  return post('/place', { submission: String(id), workshop: code === null ? '' : String(await workshopId(code)), version: String(version) });
}

describe('the programme of a call', () => {
  it('builds days, sessions and workshops (title in several languages, room, moderators, partner)', async () => {
    expect((await post('/days', { date: '2026-10-05' })).statusCode).toBe(303);
    expect((await post('/days', { date: '2026-13-45' })).statusCode).toBe(400);
    const day = (await db().selectFrom('programme_days').select('id').where('event_slug', '=', EVENT).executeTakeFirstOrThrow()).id;
    expect((await post('/sessions', { day: String(day) })).statusCode).toBe(303);
    expect((await post('/sessions', { day: '' })).statusCode).toBe(303);
    const sessions = await db().selectFrom('programme_sessions').select(['id', 'code']).where('event_slug', '=', EVENT).orderBy('position').execute();
    expect(sessions.map((s) => s.code)).toEqual(['1', '2']);
    const workshop = (session: number, fields: Record<string, string>) => post('/workshops', { session: String(session), source: 'en', ...fields });
    expect((await workshop(sessions[0]!.id, { title_en: 'Local money', title_fr: 'Monnaies locales', room: 'Room A', moderators: 'Ana Ruiz\nLee Min', partner: '' })).statusCode).toBe(303);
    expect((await workshop(sessions[0]!.id, { title_en: 'Housing' })).statusCode).toBe(303);
    expect((await workshop(sessions[1]!.id, { title_en: 'Public policy', partner: 'UN Task Force on SSE' })).statusCode).toBe(303);
    const missing = await editor.post(`/fr/admin/calls/${SLUG}/programme/workshops`, { session: String(sessions[1]!.id), source: 'fr', title_en: 'Only English' }, { from: `/fr/admin/calls/${SLUG}/programme` });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('L’atelier doit avoir un titre dans la langue choisie comme originale.'.replace('’', '\''));
    const workshops = await db().selectFrom('programme_workshops').select(['code', 'room', 'moderators', 'partner']).where('event_slug', '=', EVENT).orderBy('position').execute();
    expect(workshops).toEqual([
      { code: '1.1', room: 'Room A', moderators: ['Ana Ruiz', 'Lee Min'], partner: null },
      { code: '1.2', room: null, moderators: [], partner: null },
      { code: '2.1', room: null, moderators: [], partner: 'UN Task Force on SSE' },
    ]);
  });

  it('numbers a submission when first placed and keeps the number when it moves', async () => {
    await placeIn(ids.a, '1.1');
    await placeIn(ids.b, '1.1');
    await placeIn(ids.c, '1.2');
    expect([(await codeOf(ids.a)).code, (await codeOf(ids.b)).code, (await codeOf(ids.c)).code]).toEqual(['1.1.1', '1.1.2', '1.2.1']);
    expect((await placeIn(ids.a, '2.1')).statusCode).toBe(303);
    expect(await codeOf(ids.a)).toMatchObject({ code: '1.1.1', workshop_id: await workshopId('2.1') });
    await placeIn(ids.d, '1.1');
    expect((await codeOf(ids.d)).code).toBe('1.1.3');
    const page = await editor.get(BASE);
    expect(page.body).toContain('Room: Room A · Moderation: Ana Ruiz, Lee Min');
  });

  it('refuses to place a submission that is not accepted, or from a stale page, by name', async () => {
    const rejected = await placeIn(ids.rejected, '1.1');
    expect(rejected.statusCode).toBe(409);
    expect(rejected.body).toContain('Only an accepted submission can be placed in the programme.');
    const { version } = await codeOf(ids.b);
    const stale = await editor.post(`/es/admin/calls/${SLUG}/programme/place`, { submission: String(ids.b), workshop: String(await workshopId('2.1')), version: String(version - 1) }, { from: `/es/admin/calls/${SLUG}/programme` });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Alguien cambió esta propuesta');
    expect((await codeOf(ids.b)).workshop_id).toBe(await workshopId('1.1'));
  });

  it('renumbers only when asked: every code then says where the submission is', async () => {
    expect((await post('/renumber')).statusCode).toBe(303);
    expect([(await codeOf(ids.b)).code, (await codeOf(ids.d)).code, (await codeOf(ids.c)).code, (await codeOf(ids.a)).code]).toEqual(['1.1.1', '1.1.2', '1.2.1', '2.1.1']);
  });

  it('publishes accepted placed submissions into the archive, shown on the programme and archive pages', async () => {
    expect((await post('/publish')).statusCode).toBe(303);
    const initiatives = await db().selectFrom('initiatives').select(['id', 'code', 'title', 'summary', 'presenters', 'country', 'region', 'city', 'links', 'themes', 'workshop_id'])
      .where('event_slug', '=', EVENT).orderBy('code').execute();
    expect(initiatives.map((i) => i.code)).toEqual(['1.1.1', '1.1.2', '1.2.1', '2.1.1']);
    const korean = initiatives.find((i) => i.code === '1.2.1')!;
    expect(korean.title.ko).toMatchObject({ text: '서울 마을기업', status: 'original' });
    expect(korean).toMatchObject({ country: 'KR', region: 'asia-pacific', city: 'Seoul', links: ['https://example.org/a'], themes: ['public-policy'], workshop_id: await workshopId('1.2') });
    expect(korean.presenters).toEqual([{ name: 'Ana Ruiz', role: 'Director', organisation: 'Example cooperative', url: null }]);
    expect((await db().selectFrom('calls').select('state').where('id', '=', callId).executeTakeFirstOrThrow()).state).toBe('published');
    const links = await db().selectFrom('submissions').select(['id', 'initiative_id']).where('call_id', '=', callId).where('initiative_id', 'is not', null).execute();
    expect(links).toHaveLength(4);

    for (const lang of ['en', 'fr', 'es', 'ko']) {
      const programme = await t.app.inject(`/${lang}/initiatives/programme/${EVENT}`);
      expect(programme.statusCode, lang).toBe(200);
      expect(programme.body).toContain('서울 마을기업');
      expect(programme.body).toContain('Monnaie locale solidaire');
      expect(programme.body).toContain('UN Task Force on SSE');
      const archive = await t.app.inject(`/${lang}/initiatives?event=${EVENT}`);
      expect(archive.body).toContain('Cooperativas de vivienda');
    }
    // The booklet is made from the same tables: its page lists the published entries.
    const booklet = await t.app.inject(`/fr/initiatives/programme/${EVENT}/booklet`);
    expect(booklet.statusCode).toBe(200);
    expect(booklet.body).toContain('Community wealth building');
  });

  it('publishes again by updating the same initiatives, never duplicating them', async () => {
    const before = await db().selectFrom('initiatives').select(['id']).where('event_slug', '=', EVENT).execute();
    await placeIn(ids.d, '2.1');
    await post('/renumber');
    expect((await post('/publish')).statusCode).toBe(303);
    const after = await db().selectFrom('initiatives').select(['id', 'code', 'workshop_id']).where('event_slug', '=', EVENT).orderBy('id').execute();
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id).sort((x, y) => x - y));
    const d = await db().selectFrom('submissions').select('initiative_id').where('id', '=', ids.d).executeTakeFirstOrThrow();
    expect(after.find((row) => row.id === d.initiative_id)).toMatchObject({ code: '2.1.2', workshop_id: await workshopId('2.1') });
  });
});
