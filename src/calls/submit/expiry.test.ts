import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall, insertSubmission } from '../../../test/calls-fixtures.ts';
import { createTestApp, SAMPLE_FILES, type TestApp } from '../../../test/helpers.ts';
import { SCHEDULES } from '../../jobs/schedules.ts';
import { EXPIRE_SUBMISSION_DRAFTS_JOB, expireAbandonedSubmissionDrafts } from './expiry.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A submission with one stored attachment, last changed `daysAgo` days ago. */
async function submissionWithFile(callId: number, state: 'draft' | 'submitted' | 'withdrawn', daysAgo: number) {
  const { id } = await insertSubmission(t.app.ctx.db, callId, { state, submitted_at: state === 'draft' ? null : new Date() });
  const key = await t.app.ctx.files.put(SAMPLE_FILES.pdf);
  await t.app.ctx.db.insertInto('submission_files').values({ submission_id: id, file_key: key, file_name: 'plan.pdf', mime: 'application/pdf', size: SAMPLE_FILES.pdf.length }).execute();
  await sql`UPDATE submissions SET updated_at = now() - make_interval(days => ${daysAgo}) WHERE id = ${id}`.execute(t.app.ctx.db);
  return { id, key };
}

describe('abandoned submission drafts', () => {
  it('go after 30 untouched days with their stored files; recent drafts and every submitted or withdrawn one stay', async () => {
    const callId = await insertCall(t.app.ctx.db, { slug: 'expiring-drafts' });
    const old = await submissionWithFile(callId, 'draft', 31);
    const recent = await submissionWithFile(callId, 'draft', 29);
    const submitted = await submissionWithFile(callId, 'submitted', 400);
    const withdrawn = await submissionWithFile(callId, 'withdrawn', 400);

    expect(await expireAbandonedSubmissionDrafts(t.app.ctx)).toBe(1);
    const left = await t.app.ctx.db.selectFrom('submissions').select('id').where('call_id', '=', callId).orderBy('id').execute();
    expect(left.map((row) => row.id)).toEqual([recent.id, submitted.id, withdrawn.id]);
    expect(await t.app.ctx.files.get(old.key)).toBeNull();
    for (const kept of [recent, submitted, withdrawn]) expect(await t.app.ctx.files.get(kept.key)).not.toBeNull();
    const rows = await t.app.ctx.db.selectFrom('submission_files').select('file_key').where('file_key', '=', old.key).execute();
    expect(rows).toEqual([]);
    // Run again: nothing more to do.
    expect(await expireAbandonedSubmissionDrafts(t.app.ctx)).toBe(0);
    expect(SCHEDULES.map((schedule) => schedule.name)).toContain(EXPIRE_SUBMISSION_DRAFTS_JOB);
  });
});
