import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, FORM, signIn, Visitor, type TestApp } from '../../../test/helpers.ts';
import { reviewSummaries } from '../scores.ts';
import { seedSelectionCall } from './testing.ts';

let t: TestApp;
let editor: Visitor;
let callId: number;
const SLUG = 'selection-test';
const PAGE = `/en/admin/calls/${SLUG}/selection`;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'selection-editor@example.org', ['editor']);
  const reviewers = await Promise.all([1, 2, 3].map((n) => createUser(t.app, `selection-reviewer-${n}@example.org`, ['call_reviewer'])));
  callId = await seedSelectionCall(t.app.ctx.db, SLUG, 20, reviewers);
  editor = await signIn(t.app, 'selection-editor@example.org');
});
afterAll(() => t?.close());

/** The submissions' titles in the order the table shows them. */
const titlesIn = (html: string) => [...html.matchAll(/<th scope="row">(Initiative [^<]+)</g)].map((m) => m[1]);
const db = () => t.app.ctx.db;

describe('the ranked table', () => {
  it('ranks every submitted submission by mean score, then median, the same as the review summaries', async () => {
    const response = await editor.get(PAGE);
    expect(response.statusCode).toBe(200);
    const summaries = await reviewSummaries(db(), callId);
    const rows = await db().selectFrom('submissions').select(['id', 'title']).where('call_id', '=', callId).execute();
    const expected = [...rows].sort((a, b) => summaries.get(b.id)!.mean - summaries.get(a.id)!.mean || summaries.get(b.id)!.median - summaries.get(a.id)!.median || a.id - b.id)
      .map((row) => row.title!.es?.text ?? row.title!.fr?.text ?? row.title!.ko?.text ?? row.title!.en?.text);
    expect(titlesIn(response.body)).toEqual(expected);
    expect(response.body).toContain('20 submissions');
  });

  it('flags reviewers who disagree', async () => {
    const [first] = await db().selectFrom('reviews as r').innerJoin('submissions as s', 's.id', 'r.submission_id').select(['r.id', 's.id as sid']).where('s.call_id', '=', callId).orderBy('r.id').limit(1).execute();
    await db().updateTable('reviews').set({ total: 5 }).where('id', '=', first!.id).execute();
    await db().updateTable('reviews').set({ total: 0 }).where('submission_id', '=', first!.sid).where('id', '!=', first!.id).execute();
    const response = await editor.get(PAGE);
    expect(response.body.match(/<td>disagree<\/td>/g)).toHaveLength(1);
  });

  it('filters by the facets, as GET parameters, each matching a direct count', async () => {
    const cases: [string, () => Promise<number>][] = [
      ['region=europe', async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions WHERE call_id = ${callId} AND region = 'europe'`.execute(db())).rows[0]!.n)],
      ['country=KR&country=CA', async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions WHERE call_id = ${callId} AND country IN ('KR', 'CA')`.execute(db())).rows[0]!.n)],
      ['language=fr', async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions WHERE call_id = ${callId} AND source_lang = 'fr'`.execute(db())).rows[0]!.n)],
      ['theme=public-policy', async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions WHERE call_id = ${callId} AND 'public-policy' = ANY(themes)`.execute(db())).rows[0]!.n)],
      ['kind=research', async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions s JOIN organisations o ON o.id = s.organisation_id WHERE call_id = ${callId} AND o.kind = 'research'`.execute(db())).rows[0]!.n)],
      ['min=1&max=1.5', async () => {
        const summaries = await reviewSummaries(db(), callId);
        return [...summaries.values()].filter((s) => s.mean >= 1 && s.mean <= 1.5).length;
      }],
    ];
    for (const [query, count] of cases) {
      const response = await editor.get(`${PAGE}?${query}`);
      expect(response.statusCode, query).toBe(200);
      const expected = await count();
      expect(expected, query).toBeGreaterThan(0);
      expect(titlesIn(response.body), query).toHaveLength(expected);
    }
  });

  it('answers an unknown facet value with a named 400 in the reader\'s language', async () => {
    const fr = await editor.get(`/fr/admin/calls/${SLUG}/selection?region=atlantis`);
    expect(fr.statusCode).toBe(400);
    expect(fr.body).toContain('Cette région n’existe pas.');
    const ko = await editor.get(`/ko/admin/calls/${SLUG}/selection?country=XX`);
    expect(ko.statusCode).toBe(400);
    expect(ko.body).toContain('이 코드의 국가는 없습니다.');
    expect((await editor.get(`${PAGE}?theme=poetry`)).body).toContain('This theme is not one of the call’s themes.');
    expect((await editor.get(`${PAGE}?min=abc`)).statusCode).toBe(400);
    expect((await editor.get(`/es/admin/calls/${SLUG}/selection?state=maybe`)).body).toContain('Ese estado de decisión no existe.');
    // The same facets posted with a bulk decision: refused before anything is written.
    const bulk = await editor.post(`/fr/admin/calls/${SLUG}/selection/bulk`, { kind: 'pirates', decision: 'rejected' }, { from: `/fr/admin/calls/${SLUG}/selection` });
    expect(bulk.statusCode).toBe(400);
    expect(bulk.body).toContain('Ce type d’organisation n’existe pas.');
    expect(await db().selectFrom('submissions').select('id').where('call_id', '=', callId).where('decision', 'is not', null).execute()).toHaveLength(0);
  });

  it('is for the secretariat only', async () => {
    expect((await new Visitor(t.app).get(PAGE)).statusCode).toBe(303);
    const reviewer = await signIn(t.app, 'selection-reviewer-1@example.org');
    expect((await reviewer.get(PAGE)).statusCode).toBe(403);
  });
});

describe('decisions', () => {
  it('takes one decision with the form\'s version, and refuses a stale form with a named 409', async () => {
    const row = await db().selectFrom('submissions').select(['id', 'version']).where('call_id', '=', callId).orderBy('id').executeTakeFirstOrThrow();
    const fields = { id: String(row.id), version: String(row.version), decision: 'waitlisted', back: 'region=europe' };
    const first = await editor.post(`${PAGE}/decide`, fields, { from: PAGE });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${PAGE}?region=europe&done=decided`);
    expect((await db().selectFrom('submissions').select('decision').where('id', '=', row.id).executeTakeFirstOrThrow()).decision).toBe('waitlisted');
    const stale = await editor.post(`/fr/admin/calls/${SLUG}/selection/decide`, { ...fields, decision: 'rejected' }, { from: `/fr/admin/calls/${SLUG}/selection` });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Quelqu’un a modifié cette proposition');
    expect((await db().selectFrom('submissions').select('decision').where('id', '=', row.id).executeTakeFirstOrThrow()).decision).toBe('waitlisted');
  });

  it('refuses a post without its CSRF token, and an unknown decision by name', async () => {
    const row = await db().selectFrom('submissions').select(['id', 'version']).where('call_id', '=', callId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const missing = await t.app.inject({ method: 'POST', url: `/es/admin/calls/${SLUG}/selection/decide`, headers: { ...FORM, cookie: editor.cookies },
      payload: `id=${row.id}&version=${row.version}&decision=accepted` });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Por su seguridad');
    const bad = await editor.post(`${PAGE}/decide`, { id: String(row.id), version: String(row.version), decision: 'maybe' }, { from: PAGE });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose accepted, waiting list, not selected or no decision.');
    expect((await db().selectFrom('submissions').select('decision').where('id', '=', row.id).executeTakeFirstOrThrow()).decision).toBeNull();
  });

  it('decides in bulk on the filtered set, in one audited change', async () => {
    const response = await editor.post(`${PAGE}/bulk`, { region: 'europe', language: 'es', decision: 'accepted' }, { from: PAGE });
    expect(response.statusCode).toBe(303);
    const expected = await db().selectFrom('submissions').select('id').where('call_id', '=', callId).where('region', '=', 'europe').where('source_lang', '=', 'es').execute();
    expect(response.headers.location).toBe(`${PAGE}?region=europe&language=es&done=bulk&count=${expected.length}`);
    const accepted = await db().selectFrom('submissions').select('id').where('call_id', '=', callId).where('decision', '=', 'accepted').execute();
    expect(accepted.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const audit = await db().selectFrom('audit_log').select('details').where('action', '=', 'calls.selection.decide_bulk').execute();
    expect(audit).toHaveLength(1);
    expect((audit[0]!.details as { count: number }).count).toBe(expected.length);
    // The filtered view now shows them as accepted, pending release.
    expect((await editor.get(`${PAGE}?state=pending`)).body.match(/Accepted \(pending\)/g)?.length).toBe(expected.length);
  });
});

describe('the balance panel', () => {
  it('counts accepted submissions per region, country, theme and language as a direct count does, with the gap to targets', async () => {
    await sql`UPDATE submissions SET decision = 'accepted' WHERE call_id = ${callId} AND country = 'KR'`.execute(db());
    const saved = await editor.post(`${PAGE}/targets`, { 'target.region.europe': '10', 'target.country.KR': '2', 'target.theme.public-policy': '3', 'target.language.ko': '' }, { from: PAGE });
    expect(saved.statusCode).toBe(303);
    const html = (await editor.get(PAGE)).body;
    const cell = (key: string) => {
      const match = new RegExp(`data-balance="${key}">.*?class="balance-accepted">(\\d+)</td>.*?class="balance-gap">([^<]*)</td>`, 's').exec(html);
      return match ? { accepted: Number(match[1]), gap: match[2] } : null;
    };
    const direct = async (where: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions, unnest(themes) AS theme WHERE call_id = ${callId} AND decision = 'accepted' AND ${sql.raw(where)}`.execute(db())).rows[0]!.n);
    const distinct = async (where: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions WHERE call_id = ${callId} AND decision = 'accepted' AND ${sql.raw(where)}`.execute(db())).rows[0]!.n);
    const europe = await distinct(`region = 'europe'`);
    expect(cell('region:europe')).toEqual({ accepted: europe, gap: `${10 - europe} to go` });
    const korea = await distinct(`country = 'KR'`);
    expect(korea).toBe(4);
    expect(cell('country:KR')).toEqual({ accepted: korea, gap: `${korea - 2} over` });
    const policy = await direct(`theme = 'public-policy'`);
    expect(cell('theme:public-policy')?.accepted).toBe(policy);
    expect(cell('language:ko')).toEqual({ accepted: await distinct(`source_lang = 'ko'`), gap: '—' });
    expect(cell('language:es')?.accepted).toBe(await distinct(`source_lang = 'es'`));
  });

  it('refuses a target for a value the call does not have, by name', async () => {
    const response = await editor.post(`${PAGE}/targets`, { 'target.country.ZZ': '3' }, { from: PAGE });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A target is set for something this call does not have.');
    expect(await db().selectFrom('call_targets').select('value').where('call_id', '=', callId).execute()).toHaveLength(3);
  });
});
