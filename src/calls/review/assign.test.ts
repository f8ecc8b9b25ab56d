import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../../test/helpers.ts';
import { insertCall, insertSubmission } from '../../../test/calls-fixtures.ts';
import { assignAutomatically } from './assign.ts';

/** The balanced assignment's rules, straight on the domain function: caps, languages, city and declared conflicts, balance. */
let t: TestApp;
let actor: number;
beforeAll(async () => {
  t = await createTestApp();
  actor = await createUser(t.app, 'assign-editor@gsef.test', ['editor']);
});
afterAll(() => t?.close());

async function reviewer(callId: number, email: string, values: { languages: string[]; cap: number; city?: string; country?: string; conflict_organisations?: string[] }) {
  const id = await createUser(t.app, email, ['call_reviewer']);
  await t.app.ctx.db.insertInto('call_reviewers').values({ call_id: callId, user_id: id, ...values }).execute();
  return id;
}

describe('automatic assignment', () => {
  it('keeps to caps and languages, avoids same-city and declared conflicts, and spreads the load', async () => {
    const db = t.app.ctx.db;
    const callId = await insertCall(db, { slug: 'assign-rules' });
    const subs: number[] = [];
    for (let i = 0; i < 8; i++) subs.push((await insertSubmission(db, callId, { lang: i < 6 ? 'en' : 'ko', organisation_name: `Org ${i}`, city: i === 0 ? 'Montréal' : 'Bilbao', country: i === 0 ? 'CA' : 'ES' })).id);
    const capped = await reviewer(callId, 'capped@r.test', { languages: ['en'], cap: 2 });
    const local = await reviewer(callId, 'local@r.test', { languages: ['en', 'ko'], cap: 20, city: 'montréal', country: 'CA', conflict_organisations: ['org 5'] });
    const wide = await reviewer(callId, 'wide@r.test', { languages: ['en', 'ko'], cap: 20 });
    const third = await reviewer(callId, 'third@r.test', { languages: ['en'], cap: 20 });
    const result = await assignAutomatically(db, callId, 2, actor);
    const rows = await db.selectFrom('review_assignments').select(['submission_id', 'reviewer_id']).where('call_id', '=', callId).execute();
    const load = (id: number) => rows.filter((r) => r.reviewer_id === id).length;
    const has = (s: number, r: number) => rows.some((row) => row.submission_id === s && row.reviewer_id === r);
    expect(load(capped)).toBe(2);
    expect(has(subs[0]!, local)).toBe(false);
    expect(has(subs[5]!, local)).toBe(false);
    for (const ko of [subs[6]!, subs[7]!]) {
      expect(has(ko, capped) || has(ko, third)).toBe(false);
      expect(has(ko, local) && has(ko, wide)).toBe(true);
    }
    expect(result).toEqual({ made: 16, short: [] });
    // Balanced: the three uncapped reviewers carry 14 between them, none more than one above another.
    const loads = [local, wide, third].map(load);
    expect(loads.reduce((a, b) => a + b)).toBe(14);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('names the submissions still short when no reviewer can take them', async () => {
    const db = t.app.ctx.db;
    const callId = await insertCall(db, { slug: 'assign-short' });
    const es = (await insertSubmission(db, callId, { lang: 'es' })).id;
    await reviewer(callId, 'english-only@r.test', { languages: ['en'], cap: 5 });
    expect(await assignAutomatically(db, callId, 1, actor)).toEqual({ made: 0, short: [es] });
  });
});
