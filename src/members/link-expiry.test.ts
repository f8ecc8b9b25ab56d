import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Visitor, type TestApp } from '../../test/helpers.ts';

/** Finding 11 of issue 17: an applicant's link works while it is of use, then answers 410. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function startDraft(email: string) {
  const response = await new Visitor(t.app).post('/en/join', { organisation_name: 'Coopérative de Thiès', email, intent: 'save' });
  expect(response.statusCode).toBe(303);
  return response.headers.location!.replace(/\?.*$/, '');
}

const setApplication = (email: string, values: { status?: 'submitted' | 'approved' | 'rejected'; days?: number }) =>
  sql`UPDATE membership_applications SET status = coalesce(${values.status ?? null}, status), updated_at = now() - make_interval(days => ${values.days ?? 0}) WHERE email = ${email}`.execute(t.app.ctx.db);

describe('the applicant’s link', () => {
  it('works for a draft changed within 30 days, and answers 410 once the draft has expired', async () => {
    const link = await startDraft('draft@example.org');
    await setApplication('draft@example.org', { days: 29 });
    expect((await new Visitor(t.app).get(link)).statusCode).toBe(200);
    await setApplication('draft@example.org', { days: 31 });
    const expired = await new Visitor(t.app).get(link.replace('/en/', '/fr/'));
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Ce lien de candidature n’est plus valable');
    // The form behind it is refused too, and nothing changes.
    const posted = await new Visitor(t.app).post(link, { organisation_name: 'Changed', email: 'draft@example.org', intent: 'save' }, { from: '/en/join' });
    expect(posted.statusCode).toBe(410);
    const row = await t.app.ctx.db.selectFrom('membership_applications').select('organisation_name').where('email', '=', 'draft@example.org').executeTakeFirstOrThrow();
    expect(row.organisation_name).toBe('Coopérative de Thiès');
  });

  it('follows a submitted application however old, and ends once it is decided', async () => {
    const link = await startDraft('decided@example.org');
    await setApplication('decided@example.org', { status: 'submitted', days: 90 });
    expect((await new Visitor(t.app).get(link)).statusCode).toBe(200);
    for (const status of ['approved', 'rejected'] as const) {
      await setApplication('decided@example.org', { status });
      expect((await new Visitor(t.app).get(link)).statusCode).toBe(410);
    }
  });
});
