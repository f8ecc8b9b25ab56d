import { hashToken } from '../auth/tokens.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FORM, Visitor, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { listUnsubscribeHeaders, recordBounce, subscriberLinks, subscribersFor } from './domain.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

/** A preferences link token for a subscriber written straight into the table (only its hash is stored). */
const linkTokenFor = (subscriberId: number, token: string) => t.app.ctx.db.insertInto('subscriber_links').values({ token_hash: hashToken(token), subscriber_id: subscriberId }).execute();

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to?.[0]?.address === address);
const linkIn = (text: string, kind: string) => {
  const match = new RegExp(`http://passerelle\\.test(/[a-z]{2}/newsletter/${kind}/[A-Za-z0-9_%-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${kind} link in: ${text}`);
  return match[1];
};
const row = (email: string) => t.app.ctx.db.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirst();

async function subscribe(visitor: Visitor, fields: Record<string, string | string[]>, lang = 'en') {
  return visitor.post(`/${lang}/newsletter/subscribe`, fields);
}

describe('subscribing with double opt-in', () => {
  it('goes subscribe → mail in the chosen language → confirm → preferences → one-click unsubscribe', async () => {
    const visitor = new Visitor(t.app);
    const form = await visitor.get('/fr/newsletter/subscribe');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('J’accepte que le GSEF conserve');

    const response = await subscribe(visitor, { email: ' Ana@Example.ORG ', lang: 'es', topics: ['newsletter', 'events'], consent: 'yes', method: 'form' }, 'fr');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Consultez votre messagerie');
    const pending = await row('ana@example.org');
    expect(pending).toMatchObject({ status: 'pending', lang: 'es', topics: ['newsletter', 'events'], confirmed_at: null });
    expect(pending!.consent).toMatchObject({ method: 'form', lang: 'fr', source: '/fr/newsletter/subscribe' });
    expect(pending!.consent.text).toContain('J’accepte que le GSEF conserve');
    expect(Number.isNaN(Date.parse(pending!.consent.at))).toBe(false);
    // Nothing goes out to a pending address.
    expect(await subscribersFor(t.app.ctx.db)).not.toContainEqual(expect.objectContaining({ email: 'ana@example.org' }));

    await t.app.ctx.jobs.drain();
    const [mail, ...others] = mailsTo('ana@example.org');
    expect(others).toEqual([]);
    expect(mail!.subject).toBe('Confirme su suscripción al boletín del GSEF');
    const confirmPath = linkIn(mail!.text!, 'confirm');
    expect(confirmPath.startsWith('/es/newsletter/confirm/')).toBe(true);

    // A GET only shows a button; the POST confirms.
    const shown = await visitor.get(confirmPath);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['cache-control']).toContain('no-store');
    expect((await row('ana@example.org'))!.status).toBe('pending');
    const confirmed = await visitor.post(confirmPath, {});
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Suscripción confirmada');
    const active = (await row('ana@example.org'))!;
    expect(active.status).toBe('active');
    expect(active.confirmed_at).not.toBeNull();
    expect(active.confirm_token_hash).toBeNull();
    expect(await subscribersFor(t.app.ctx.db, { topics: ['events'] })).toContainEqual(expect.objectContaining({ email: 'ana@example.org', lang: 'es' }));
    expect(await subscribersFor(t.app.ctx.db, { topics: ['calls'] })).not.toContainEqual(expect.objectContaining({ email: 'ana@example.org' }));

    // The confirmation link works once.
    const replayed = await visitor.post(confirmPath, {}, { from: '/es/newsletter/subscribe' });
    expect(replayed.statusCode).toBe(404);
    expect(replayed.body).toContain('Enlace no válido');
    expect((await visitor.get(confirmPath)).statusCode).toBe(404);

    // Preferences from the mail's token: change language and topics.
    // Its token comes from the confirmation page's link: the database keeps only its hash.
    const prefsToken = /\/es\/newsletter\/preferences\/([\w-]+)/.exec(confirmed.body)![1]!;
    expect(await t.app.ctx.db.selectFrom('subscriber_links').select('token_hash').where('token_hash', '=', prefsToken).execute()).toEqual([]);
    const links = subscriberLinks('http://passerelle.test', active, prefsToken);
    const prefsPath = new URL(links.preferences).pathname;
    const prefs = await visitor.get(prefsPath);
    expect(prefs.statusCode).toBe(200);
    expect(prefs.body).toContain('ana@example.org');
    const saved = await visitor.post(prefsPath, { lang: 'fr', topics: ['calls'] });
    expect(saved.statusCode).toBe(303);
    expect(await row('ana@example.org')).toMatchObject({ lang: 'fr', topics: ['calls'] });
    const invalid = await visitor.post(prefsPath, { lang: 'de', topics: ['gossip'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Elija inglés, francés, español o coreano.');
    expect(await row('ana@example.org')).toMatchObject({ lang: 'fr', topics: ['calls'] });

    // One-click unsubscribe as a mail client does it: a POST, no cookie, no CSRF token.
    expect(listUnsubscribeHeaders(links)).toEqual({ 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const unsubscribePath = new URL(links.unsubscribe).pathname;
    const page = await new Visitor(t.app).get(unsubscribePath);
    expect(page.statusCode).toBe(200);
    expect((await row('ana@example.org'))!.status).toBe('active');
    const oneClick = await t.app.inject({ method: 'POST', url: unsubscribePath, headers: FORM, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    const gone = (await row('ana@example.org'))!;
    expect(gone.status).toBe('unsubscribed');
    expect(gone.unsubscribed_at).not.toBeNull();
    expect(await subscribersFor(t.app.ctx.db)).not.toContainEqual(expect.objectContaining({ email: 'ana@example.org' }));
    // Posting again (clients retry) is harmless and says so.
    const again = await t.app.inject({ method: 'POST', url: unsubscribePath, headers: FORM, payload: 'List-Unsubscribe=One-Click' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('ya estaba dada de baja');
  });

  it('accepts the one-click POST as multipart/form-data too', async () => {
    const token = 'm'.repeat(43);
    await t.app.ctx.db.insertInto('subscribers').values({ email: 'multi@example.org', lang: 'en', topics: ['newsletter'], status: 'active', confirmed_at: new Date(), consent: JSON.stringify({ at: new Date().toISOString(), method: 'form', text: 'x', lang: 'en', source: '/en/newsletter/subscribe' }) }).returning('id').executeTakeFirstOrThrow().then(({ id }) => linkTokenFor(id, token));
    const boundary = '----oneclick';
    const response = await t.app.inject({
      method: 'POST',
      url: `/en/newsletter/unsubscribe/${token}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(200);
    expect((await row('multi@example.org'))!.status).toBe('unsubscribed');
  });

  it('rejects forged tokens with a clear 404 and changes nothing', async () => {
    const visitor = new Visitor(t.app);
    for (const path of ['/en/newsletter/confirm/forged-token', '/en/newsletter/preferences/forged-token', '/en/newsletter/unsubscribe/forged-token']) {
      const response = await visitor.get(path);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('Link not valid');
    }
    const forgedOneClick = await t.app.inject({ method: 'POST', url: '/en/newsletter/unsubscribe/forged-token', headers: FORM, payload: 'List-Unsubscribe=One-Click' });
    expect(forgedOneClick.statusCode).toBe(404);
    // Confirming without the page's CSRF token is refused too.
    const noCsrf = await t.app.inject({ method: 'POST', url: '/en/newsletter/confirm/forged-token', headers: FORM, payload: '' });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('refuses an expired confirmation link with 410', async () => {
    const visitor = new Visitor(t.app);
    await subscribe(visitor, { email: 'late@example.org', lang: 'en', topics: 'newsletter', consent: 'yes' });
    await t.app.ctx.jobs.drain();
    const path = linkIn(mailsTo('late@example.org')[0]!.text!, 'confirm');
    await t.app.ctx.db.updateTable('subscribers').set({ confirm_sent_at: new Date(Date.now() - 49 * 3600_000) }).where('email', '=', 'late@example.org').execute();
    const response = await visitor.post(path, {}, { from: '/en/newsletter/subscribe' });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('This confirmation link has expired.');
    expect((await row('late@example.org'))!.status).toBe('pending');
  });

  it('resends with a new link, rate-limited, and the old link stops working', async () => {
    const visitor = new Visitor(t.app);
    await subscribe(visitor, { email: 'resend@example.org', lang: 'en', topics: 'newsletter', consent: 'yes' });
    await t.app.ctx.jobs.drain();
    // Too soon after the first mail: a clear 429 on the same page, nothing sent.
    const early = await visitor.post('/en/newsletter/subscribe/resend', { email: 'resend@example.org' }, { from: '/en/newsletter/subscribe' });
    expect(early.statusCode).toBe(429);
    expect(early.body).toContain('less than a minute ago');
    // A minute later (the mail's time and the address's cool-down, both moved back).
    await t.app.ctx.db.updateTable('subscribers').set({ confirm_sent_at: new Date(Date.now() - 120_000) }).where('email', '=', 'resend@example.org').execute();
    await t.app.ctx.db.updateTable('rate_limit_counts').set({ expires_at: new Date(Date.now() - 1000) }).where('key', 'like', 'mail:subscribers.resend %').execute();
    const resent = await visitor.post('/en/newsletter/subscribe/resend', { email: 'resend@example.org' }, { from: '/en/newsletter/subscribe' });
    expect(resent.statusCode).toBe(200);
    expect(resent.body).toContain('sent the confirmation message again');
    await t.app.ctx.jobs.drain();
    const mails = mailsTo('resend@example.org');
    expect(mails).toHaveLength(2);
    const [first, second] = mails.map((mail) => linkIn(mail.text!, 'confirm'));
    expect(first).not.toBe(second);
    expect((await visitor.post(first!, {}, { from: '/en/newsletter/subscribe' })).statusCode).toBe(404);
    expect((await visitor.post(second!, {}, { from: '/en/newsletter/subscribe' })).statusCode).toBe(200);
    // An unknown address gets the same answer as a known one, and no mail.
    const unknown = await visitor.post('/en/newsletter/subscribe/resend', { email: 'nobody@example.org' }, { from: '/en/newsletter/subscribe' });
    expect(unknown.statusCode).toBe(200);
    await t.app.ctx.jobs.drain();
    expect(mailsTo('nobody@example.org')).toEqual([]);
  });

  it('does not reveal an active address: it gets a reminder, its settings stay', async () => {
    const visitor = new Visitor(t.app);
    await t.app.ctx.db.insertInto('subscribers').values({ email: 'known@example.org', lang: 'ko', topics: ['events'], status: 'active', confirmed_at: new Date(), consent: JSON.stringify({ at: new Date().toISOString(), method: 'form', text: 'x', lang: 'ko', source: '/ko/newsletter/subscribe' }) }).returning('id').executeTakeFirstOrThrow().then(({ id }) => linkTokenFor(id, 'k'.repeat(43)));
    const response = await subscribe(visitor, { email: 'known@example.org', lang: 'en', topics: 'newsletter', consent: 'yes' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Check your mailbox');
    await t.app.ctx.jobs.drain();
    const [mail] = mailsTo('known@example.org');
    expect(mail!.subject).toBe('이미 GSEF 뉴스레터를 받고 계십니다');
    // A fresh link of its own (only hashes are stored), which opens that subscriber's preferences.
    const prefs = linkIn(mail!.text!, 'preferences');
    expect(prefs.startsWith('/ko/newsletter/preferences/')).toBe(true);
    expect((await visitor.get(prefs)).body).toContain('known@example.org');
    expect(await row('known@example.org')).toMatchObject({ status: 'active', lang: 'ko', topics: ['events'] });
  });

  it('lets someone who left subscribe again, with new links (the old ones stop working)', async () => {
    const old = 'u'.repeat(43);
    await t.app.ctx.db.insertInto('subscribers').values({ email: 'back@example.org', lang: 'en', topics: ['newsletter'], status: 'unsubscribed', confirmed_at: new Date(), unsubscribed_at: new Date(), consent: JSON.stringify({ at: new Date().toISOString(), method: 'form', text: 'x', lang: 'en', source: '/en/newsletter/subscribe' }) }).returning('id').executeTakeFirstOrThrow().then(({ id }) => linkTokenFor(id, old));
    const visitor = new Visitor(t.app);
    expect((await visitor.get(`/en/newsletter/preferences/${old}`)).body).toContain('You are unsubscribed');
    await subscribe(visitor, { email: 'back@example.org', lang: 'fr', topics: 'events', consent: 'yes' });
    const again = (await row('back@example.org'))!;
    expect(again).toMatchObject({ status: 'pending', lang: 'fr', topics: ['events'], unsubscribed_at: null });
    expect((await visitor.get(`/en/newsletter/preferences/${old}`)).statusCode).toBe(404);
  });

  it('fills the address in from the footer’s GET form and records the footer as the way in', async () => {
    const visitor = new Visitor(t.app);
    const page = await visitor.get('/en/newsletter/subscribe?email=footer%40example.org');
    expect(page.body).toContain('value="footer@example.org"');
    expect(page.body).toContain('name="method" value="footer"');
    await subscribe(visitor, { email: 'footer@example.org', lang: 'en', topics: 'newsletter', consent: 'yes', method: 'footer' });
    expect((await row('footer@example.org'))!.consent.method).toBe('footer');
  });

  it('keeps every public page cacheable: the footer form carries no CSRF token', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/en/' });
    expect(home.body).toMatch(/<form method="get" action="\/en\/newsletter\/subscribe"/);
    expect(home.body).not.toContain('name="_csrf"');
    expect(home.headers['cache-control'] ?? '').not.toContain('no-store');
  });
});

describe('bad input on the subscription form', () => {
  it.each([
    [{ email: 'not-an-address', lang: 'en', topics: 'newsletter', consent: 'yes' }, 'email', 'Enter an e-mail address like name@example.org.'],
    [{ email: 'a@example.org', lang: 'de', topics: 'newsletter', consent: 'yes' }, 'lang', 'Choose English, French, Spanish or Korean.'],
    [{ email: 'a@example.org', lang: 'en', topics: 'gossip', consent: 'yes' }, 'topics', 'Choose topics from the list.'],
    [{ email: 'a@example.org', lang: 'en', consent: 'yes' }, 'topics', 'Choose at least one topic.'],
    [{ email: 'a@example.org', lang: 'en', topics: 'newsletter' }, 'consent', 'Tick the box to agree'],
    [{ email: 'a@example.org\r\nBcc: victim@example.org', lang: 'en', topics: 'newsletter', consent: 'yes' }, 'email', 'Line breaks are not allowed in this field.'],
    [{ email: 'a@example.org\n', lang: 'en', topics: 'newsletter', consent: 'yes' }, 'email', 'Line breaks are not allowed in this field.'],
    [{ email: 'a@example.org', lang: 'en\r\nX-Injected: 1', topics: 'newsletter', consent: 'yes' }, 'lang', 'Line breaks are not allowed in this field.'],
    [{ email: 'a@example.org', lang: 'en', topics: 'newsletter\nBcc: x@example.org', consent: 'yes' }, 'topics', 'Line breaks are not allowed in this field.'],
  ])('answers %j with a 400 naming %s, and sends nothing', async (fields, field, message) => {
    const before = (await t.app.ctx.db.selectFrom('outgoing_mail').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const response = await subscribe(new Visitor(t.app), fields);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`href="#${field}"`);
    expect(response.body).toContain(message);
    expect(await row('a@example.org')).toBeUndefined();
    const after = (await t.app.ctx.db.selectFrom('outgoing_mail').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    expect(after).toBe(before);
  });
});

describe('bounces', () => {
  it('suspends at once on a permanent failure, after three temporary ones otherwise', async () => {
    const db = t.app.ctx.db;
    const insert = (email: string, token: string) =>
      db.insertInto('subscribers').values({ email, lang: 'en', topics: ['newsletter'], status: 'active', confirmed_at: new Date(), consent: JSON.stringify({ at: new Date().toISOString(), method: 'import', text: 'x', lang: 'en', source: 'x' }) }).returning('id').executeTakeFirstOrThrow().then(({ id }) => linkTokenFor(id, token));
    await insert('hard@example.org', 'h'.repeat(43));
    await insert('soft@example.org', 's'.repeat(43));
    expect(await recordBounce(db, 'HARD@example.org', true)).toMatchObject({ status: 'suspended', bounceCount: 1 });
    expect(await row('hard@example.org')).toMatchObject({ suspended_reason: 'bounce_permanent' });
    expect(await recordBounce(db, 'soft@example.org', false)).toMatchObject({ status: 'active', bounceCount: 1 });
    expect(await recordBounce(db, 'soft@example.org', false)).toMatchObject({ status: 'active', bounceCount: 2 });
    expect(await recordBounce(db, 'soft@example.org', false)).toMatchObject({ status: 'suspended', bounceCount: 3 });
    expect(await row('soft@example.org')).toMatchObject({ suspended_reason: 'bounce_repeated' });
    expect(await recordBounce(db, 'unknown@example.org', true)).toBeNull();
    const recipients = (await subscribersFor(db)).map((r) => r.email);
    expect(recipients).not.toContain('hard@example.org');
    expect(recipients).not.toContain('soft@example.org');
  });
});
