import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { insertCall, insertSubmission } from '../../test/calls-fixtures.ts';

describe('calls test fixtures', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('write a call and a submission the schema accepts, a closed call refusing dates in the wrong order', async () => {
    const callId = await insertCall(t.database.db, { slug: 'fixture-call' });
    const { id, token } = await insertSubmission(t.database.db, callId, { titleText: 'Coopératives de quartier', lang: 'fr' });
    const row = await t.database.db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.title?.fr?.status).toBe('original');
    expect(token.length).toBeGreaterThan(20);
    await expect(insertCall(t.database.db, { slug: 'bad-dates', opens_at: new Date('2026-02-01'), closes_at: new Date('2026-01-01') })).rejects.toThrow();
  });
});
