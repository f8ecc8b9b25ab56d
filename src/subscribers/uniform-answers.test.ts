import { hashToken } from '../auth/tokens.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Visitor, type TestApp } from '../../test/helpers.ts';

/**
 * Finding 8 of issue 17: the newsletter forms answer the same whatever the list holds, and do not
 * let anyone flood a subscriber with reminders.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const consent = JSON.stringify({ at: new Date().toISOString(), method: 'form', text: 'x', lang: 'en', source: '/en/newsletter/subscribe' });
  await t.app.ctx.db.insertInto('subscribers').values({ email: 'active@example.org', lang: 'en', topics: ['newsletter'], status: 'active', confirmed_at: new Date(), consent }).returning('id').executeTakeFirstOrThrow().then(({ id }) => linkTokenFor(id, 'a'.repeat(43)));
  await t.app.ctx.db
    .insertInto('subscribers')
    .values({ email: 'pending@example.org', lang: 'en', topics: ['newsletter'], status: 'pending', confirm_sent_at: new Date(Date.now() - 3600_000), confirm_sends: 1, consent })
    .execute();
});
afterAll(() => t.close());

/** A preferences link token for a subscriber written straight into the table (only its hash is stored). */
const linkTokenFor = (subscriberId: number, token: string) => t.app.ctx.db.insertInto('subscriber_links').values({ token_hash: hashToken(token), subscriber_id: subscriberId }).execute();

const mailsTo = (email: string) => t.app.ctx.db.selectFrom('outgoing_mail').select(['purpose']).where('to_address', '=', email).execute();

/** An answer reduced to what may differ only by the address typed: status and page, without the per-visitor token and the address shown back. */
function shape(response: { statusCode: number; body: string }, email: string) {
  return { status: response.statusCode, body: response.body.replace(/name="_csrf" value="[^"]+"/g, '').replaceAll(email, 'ADDRESS') };
}

const resend = (visitor: Visitor, email: string) => visitor.post('/en/newsletter/subscribe/resend', { email }, { from: '/en/newsletter/subscribe' });

describe('resending the confirmation', () => {
  it('answers a pending, an active and an unknown address alike, 200 and then 429, and sends only to the pending one', async () => {
    const answers: Record<string, ReturnType<typeof shape>[]> = {};
    for (const email of ['pending@example.org', 'active@example.org', 'nobody@example.org']) {
      const visitor = new Visitor(t.app);
      answers[email] = [shape(await resend(visitor, email), email), shape(await resend(visitor, email), email)];
    }
    expect(answers['pending@example.org']!.map((a) => a.status)).toEqual([200, 429]);
    expect(answers['active@example.org']).toEqual(answers['pending@example.org']);
    expect(answers['nobody@example.org']).toEqual(answers['pending@example.org']);
    expect(await mailsTo('pending@example.org')).toEqual([{ purpose: 'subscribers.confirm' }]);
    expect(await mailsTo('active@example.org')).toEqual([]);
    expect(await mailsTo('nobody@example.org')).toEqual([]);
  });

  it('counts per address, not per visitor: another visitor asking for the same address meets the same cool-down', async () => {
    const first = await resend(new Visitor(t.app), 'someone@example.org');
    const second = await resend(new Visitor(t.app), 'someone@example.org');
    expect([first.statusCode, second.statusCode]).toEqual([200, 429]);
  });

  it('answers 429 "too many" alike once an address was asked for five times in a day', async () => {
    const statuses: Record<string, number[]> = {};
    for (const email of ['pending.many@example.org', 'unknown.many@example.org']) {
      statuses[email] = [];
      for (let i = 0; i < 6; i++) {
        const response = await resend(new Visitor(t.app), email);
        statuses[email]!.push(response.statusCode);
        if (i === 5) expect(response.body).toContain('We have already sent several confirmation messages');
        // Past the minute's cool-down each time, as a patient person would be.
        await t.app.ctx.db.updateTable('rate_limit_counts').set({ expires_at: new Date(Date.now() - 1000) }).where('key', 'like', 'mail:subscribers.resend %').execute();
      }
    }
    expect(statuses['pending.many@example.org']).toEqual([200, 200, 200, 200, 200, 429]);
    expect(statuses['unknown.many@example.org']).toEqual(statuses['pending.many@example.org']);
  });
});

describe('the "already subscribed" reminder', () => {
  it('goes to an active address at most once an hour, while the answer stays that of a new subscription', async () => {
    const answers = [];
    for (const email of ['active@example.org', 'active@example.org', 'brand.new@example.org']) {
      const response = await new Visitor(t.app).post('/en/newsletter/subscribe', { email, lang: 'en', topics: 'newsletter', consent: 'yes' });
      answers.push(shape(response, email));
    }
    expect(answers[0]!.status).toBe(200);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await mailsTo('active@example.org')).toEqual([{ purpose: 'subscribers.already' }]);
  });
});
