import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.ts';
import { createTestApp, Visitor, type TestApp } from '../../test/helpers.ts';

/** Finding 11 of issue 17: newsletter link secrets are stored only as hashes. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const mailsTo = (email: string) => t.app.ctx.db.selectFrom('outgoing_mail').select(['text_body']).where('to_address', '=', email).orderBy('id').execute();

describe('newsletter link tokens', () => {
  it('keeps no token in the clear: the subscribers table has no token column, links hold only hashes', async () => {
    const columns = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'subscribers'`.execute(t.app.ctx.db);
    expect(columns.rows.map((c) => c.column_name)).not.toContain('preferences_token');
    const consent = JSON.stringify({ at: new Date().toISOString(), method: 'form', text: 'x', lang: 'en', source: '/en/newsletter/subscribe' });
    await t.app.ctx.db.insertInto('subscribers').values({ email: 'kept@example.org', lang: 'en', topics: ['newsletter'], status: 'active', confirmed_at: new Date(), consent }).execute();
    // The "already subscribed" reminder carries a fresh link; the database has its hash, not it.
    await new Visitor(t.app).post('/en/newsletter/subscribe', { email: 'kept@example.org', lang: 'en', topics: 'newsletter', consent: 'yes' });
    const [mail] = await mailsTo('kept@example.org');
    const token = /\/en\/newsletter\/preferences\/([\w-]+)/.exec(mail!.text_body)![1]!;
    const stored = await t.app.ctx.db.selectFrom('subscriber_links').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).toContain(hashToken(token));
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
    const page = await new Visitor(t.app).get(`/en/newsletter/preferences/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('kept@example.org');
  });

  it('migrated tokens of mails already sent keep working: the migration stores the same hash the app computes', async () => {
    // The expression of migration 0621, applied to a token as earlier mails carried it.
    const old = 'Zm9yZXhhbXBsZS1hbi1vbGQtcHJlZmVyZW5jZXMtdG9rZW4';
    const { rows } = await sql<{ hash: string }>`SELECT encode(sha256(convert_to(${old}, 'UTF8')), 'hex') AS hash`.execute(t.app.ctx.db);
    expect(rows[0]!.hash).toBe(hashToken(old));
    const consent = JSON.stringify({ at: new Date().toISOString(), method: 'form', text: 'x', lang: 'fr', source: '/fr/newsletter/subscribe' });
    const { id } = await t.app.ctx.db.insertInto('subscribers').values({ email: 'early@example.org', lang: 'fr', topics: ['newsletter'], status: 'active', confirmed_at: new Date(), consent }).returning('id').executeTakeFirstOrThrow();
    await t.app.ctx.db.insertInto('subscriber_links').values({ token_hash: rows[0]!.hash, subscriber_id: id }).execute();
    expect((await new Visitor(t.app).get(`/fr/newsletter/unsubscribe/${old}`)).statusCode).toBe(200);
  });
});
