import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, FORM, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { sendIssue, startSending } from './delivery.ts';
import { addActiveSubscribers } from './testing.ts';

let t: TestApp;
let smtp: TestSmtpServer;
let editor: Visitor;

beforeAll(async () => {
  smtp = new TestSmtpServer();
  const smtpUrl = await smtp.start();
  t = await createTestApp({ smtpUrl, bounceToken: 'bounce-secret-0123456789-0123456789', newsletterRate: 500 });
  await createUser(t.app, 'editor@example.org', ['editor']);
  await createUser(t.app, 'reviewer@example.org', ['reviewer']);
  editor = await signIn(t.app, 'editor@example.org');
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const db = () => t.app.ctx.db;
const drain = () => t.app.ctx.jobs.drain();

async function createIssue(slug: string, issueDate = '2019-01-01'): Promise<number> {
  const response = await editor.post('/en/admin/newsletter', { slug, issue_date: issueDate, source_lang: 'en', fallback_lang: 'en', events_count: '3' });
  expect(response.statusCode).toBe(303);
  return Number(/\/admin\/newsletter\/(\d+)/.exec(response.headers.location as string)![1]);
}

async function saveEdition(id: number, lang: string, fields: Record<string, string>) {
  const url = `/en/admin/newsletter/${id}/editions/${lang}`;
  return editor.post(url, fields);
}

async function sections(id: number) {
  return db().selectFrom('newsletter_sections').selectAll().where('issue_id', '=', id).orderBy('position').execute();
}

/** An issue with ready en/fr/es editions (important section written in each) and a skipped ko edition. */
async function readyIssue(slug: string): Promise<number> {
  const id = await createIssue(slug);
  const important = (await sections(id)).find((s) => s.kind === 'important')!;
  const texts = {
    en: { subject: 'Cities and the social economy', intro: 'Welcome to this issue.', body: 'The general assembly meets in Bordeaux.' },
    fr: { subject: 'Les villes et l’économie sociale', intro: 'Bienvenue dans ce numéro.', body: 'L’assemblée générale se réunit à Bordeaux.' },
    es: { subject: 'Las ciudades y la economía social', intro: 'Bienvenidos a este número.', body: 'La asamblea general se reúne en Burdeos.' },
  };
  for (const [lang, text] of Object.entries(texts)) {
    const response = await saveEdition(id, lang, { status: 'ready', subject: text.subject, intro: text.intro, [`title_${important.id}`]: '', [`body_${important.id}`]: text.body });
    expect(response.statusCode).toBe(303);
  }
  expect((await saveEdition(id, 'ko', { status: 'skipped', subject: '', intro: '' })).statusCode).toBe(303);
  return id;
}

// Whole journeys over HTTP and SMTP: generous time on a loaded machine.
describe('the newsletter, end to end over real SMTP', { timeout: 120_000 }, () => {
  it('sends each subscriber one multipart message in their language (ko falls back to en), with working one-click unsubscribe', async () => {
    const people = [
      { email: 'ana@example.org', lang: 'es' as const },
      { email: 'bruno@example.org', lang: 'fr' as const },
      { email: 'carol@example.org', lang: 'en' as const },
      { email: 'minji@example.org', lang: 'ko' as const },
    ];
    const ids = await addActiveSubscribers(db(), people);
    const id = await readyIssue('2019-01');
    const member = (await sections(id)).find((s) => s.kind === 'member')!;
    const news = (await sections(id)).find((s) => s.kind === 'news')!;
    const item = await db()
      .insertInto('news_items')
      .values({ slug: 'bilbao-cooperatives', title: JSON.stringify({ en: { text: 'Cooperatives in Bilbao', status: 'original', updatedAt: '2019-01-01T00:00:00Z' } }), summary: JSON.stringify({ en: { text: 'A new fund for cooperatives.', status: 'original', updatedAt: '2019-01-01T00:00:00Z' } }), source_lang: 'en', status: 'accepted', published_at: new Date('2019-01-02') } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await editor.post(`/en/admin/newsletter/${id}/sections/${news.id}/content`, { news: String(item.id), member_slug: '' }, { from: `/en/admin/newsletter/${id}` })).statusCode).toBe(303);
    const { slug } = (await db().selectFrom('members').select('slug').where('status', '=', 'active').limit(1).executeTakeFirstOrThrow());
    expect((await editor.post(`/en/admin/newsletter/${id}/sections/${member.id}/content`, { member_slug: slug }, { from: `/en/admin/newsletter/${id}` })).statusCode).toBe(303);

    const page = await editor.get(`/en/admin/newsletter/${id}`);
    expect(page.body).not.toContain('Sending is blocked');
    const before = smtp.received.length;
    const send = await editor.post(`/en/admin/newsletter/${id}/send`, {}, { from: `/en/admin/newsletter/${id}` });
    expect(send.statusCode).toBe(303);
    await drain();
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to?.[0]?.address).sort()).toEqual(people.map((p) => p.email).sort());

    const byAddress = new Map(mails.map((m) => [m.to![0]!.address, m]));
    expect(byAddress.get('ana@example.org')!.subject).toBe('Las ciudades y la economía social');
    expect(byAddress.get('bruno@example.org')!.subject).toBe('Les villes et l’économie sociale');
    expect(byAddress.get('minji@example.org')!.subject).toBe('Cities and the social economy');
    for (const mail of mails) {
      expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
      expect(mail.text).toContain('/newsletter/preferences/');
      expect(mail.html).toMatch(/<html lang="(en|fr|es)"/);
      expect(mail.html).not.toContain('__NEWSLETTER_');
      const headers = new Map(mail.headers.map((h) => [h.key, h.value]));
      expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(headers.get('list-unsubscribe')).toMatch(/^<http:\/\/passerelle\.test\/[a-z]{2}\/newsletter\/unsubscribe\/[^>]+>, <mailto:[^>]+>$/);
      expect(mail.messageId).toMatch(new RegExp(`^<newsletter-${id}-\\d+@passerelle\\.test>$`));
    }
    expect(byAddress.get('minji@example.org')!.html).toContain('<html lang="en"');
    expect(byAddress.get('bruno@example.org')!.html).toContain('L’assemblée générale se réunit à Bordeaux.');
    // The member introduced and the calendar's events are in every edition.
    expect(byAddress.get('carol@example.org')!.html).toContain(`/en/members/${slug}`);
    expect(byAddress.get('carol@example.org')!.html).toContain('/en/activities/');
    // Accepted news placed in a section: the English original, marked as such in the French mail.
    expect(byAddress.get('carol@example.org')!.html).toContain('<a href="http://passerelle.test/en/news/bilbao-cooperatives">Cooperatives in Bilbao</a>');
    expect(byAddress.get('bruno@example.org')!.html).toContain('<a href="http://passerelle.test/fr/news/bilbao-cooperatives" lang="en">Cooperatives in Bilbao</a>');
    expect(byAddress.get('bruno@example.org')!.text).toContain('* Cooperatives in Bilbao');

    const deliveries = await db().selectFrom('newsletter_deliveries').selectAll().where('issue_id', '=', id).execute();
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(deliveries.find((d) => d.subscriber_id === ids[3])!.lang).toBe('en');
    expect((await db().selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent');

    // One-click unsubscribe (RFC 8058): a POST to the header's URL, no session, no CSRF token.
    const url = new URL(/<([^>]+)>/.exec(new Map(byAddress.get('carol@example.org')!.headers.map((h) => [h.key, h.value])).get('list-unsubscribe')!)![1]!);
    const unsubscribe = await t.app.inject({ method: 'POST', url: url.pathname, headers: FORM, payload: 'List-Unsubscribe=One-Click' });
    expect(unsubscribe.statusCode).toBe(200);
    expect((await db().selectFrom('subscribers').select('status').where('email', '=', 'carol@example.org').executeTakeFirstOrThrow()).status).toBe('unsubscribed');

    // The progress view counts what was sent.
    const progress = await editor.get(`/en/admin/newsletter/${id}`);
    expect(progress.body).toMatch(/data-status="sent">4</);

    // The archive lists it; the web version exists per language, with a notice where it falls back.
    const archive = await new Visitor(t.app).get('/fr/newsletter');
    expect(archive.body).toContain('href="/fr/newsletter/2019-01"');
    expect(archive.body).toContain('Les villes et l’économie sociale');
    expect(archive.body).toContain('href="/fr/newsletter/subscribe"');
    expect(archive.body).not.toContain('name="_csrf"');
    const es = await new Visitor(t.app).get('/es/newsletter/2019-01');
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('La asamblea general se reúne en Burdeos.');
    const ko = await new Visitor(t.app).get('/ko/newsletter/2019-01');
    expect(ko.body).toContain('이 호는 해당 언어 판이 없어');
    expect(ko.body).toContain('<div lang="en">');

    const sitemap = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(sitemap.body).toContain('<loc>http://passerelle.test/en/newsletter/2019-01</loc>');

    // A sent issue is not sent again, nor edited.
    expect((await editor.post(`/en/admin/newsletter/${id}/send`, {}, { from: `/en/admin/newsletter/${id}` })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: '/en/newsletter/2099-01' })).statusCode).toBe(404);
  });

  it('blocks sending while an edition is missing, a draft or outdated, and says which', async () => {
    const id = await createIssue('2019-02');
    await saveEdition(id, 'en', { status: 'ready', subject: 'February', intro: 'Hello' });
    await saveEdition(id, 'fr', { status: 'ready', subject: 'Février', intro: 'Bonjour' });
    await saveEdition(id, 'es', { status: 'draft', subject: 'Febrero', intro: '' });
    const page = await editor.get(`/en/admin/newsletter/${id}`);
    expect(page.body).toContain('The Spanish edition is still a draft.');
    expect(page.body).toContain('The Korean edition is missing.');
    const refused = await editor.post(`/en/admin/newsletter/${id}/send`, {}, { from: `/en/admin/newsletter/${id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Sending is blocked');
    expect(await db().selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', id).execute()).toEqual([]);

    // Changing the original makes the French translation outdated, which blocks again.
    await saveEdition(id, 'es', { status: 'ready', subject: 'Febrero', intro: 'Hola' });
    await saveEdition(id, 'ko', { status: 'skipped' });
    expect((await editor.get(`/en/admin/newsletter/${id}`)).body).not.toContain('Sending is blocked');
    await saveEdition(id, 'en', { status: 'ready', subject: 'February news', intro: 'Hello' });
    const outdated = await editor.get(`/en/admin/newsletter/${id}`);
    expect(outdated.body).toContain('The French edition is outdated');
    // Saving unchanged does not: the Spanish edition was saved before and stays outdated too, fr re-saved is ready.
    await saveEdition(id, 'fr', { status: 'ready', subject: 'Nouvelles de février', intro: 'Bonjour' });
    const after = await editor.get(`/en/admin/newsletter/${id}`);
    expect(after.body).not.toContain('The French edition is outdated');
    expect(after.body).toContain('The Spanish edition is outdated');
  });

  it('refuses a subject with a line break (no header injection) and a skipped original', async () => {
    const id = await createIssue('2019-03');
    const injected = await saveEdition(id, 'en', { status: 'ready', subject: 'Hello\r\nBcc: victim@example.org', intro: '' });
    expect(injected.statusCode).toBe(400);
    expect(injected.body).toContain('The subject must be one line');
    const skipped = await saveEdition(id, 'en', { status: 'skipped' });
    expect(skipped.statusCode).toBe(400);
    expect(skipped.body).toContain('cannot be skipped');
  });

  it('sends a test of one edition to any address, marked as a test', async () => {
    const id = await readyIssue('2019-04');
    const before = smtp.received.length;
    const response = await editor.post(`/en/admin/newsletter/${id}/test`, { email: 'proof@example.org', lang: 'fr' }, { from: `/en/admin/newsletter/${id}` });
    expect(response.statusCode).toBe(303);
    await drain();
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('[Test] Les villes et l’économie sociale');
    expect(mails[0]!.html).toContain('<html lang="fr"');
    const bad = await editor.post(`/en/admin/newsletter/${id}/test`, { email: 'not an address', lang: 'fr' }, { from: `/en/admin/newsletter/${id}` });
    expect(bad.statusCode).toBe(400);
    expect(await db().selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', id).execute()).toEqual([]);
  });

  it('schedules an issue, and a cancelled schedule sends nothing', async () => {
    const id = await readyIssue('2019-05');
    const soon = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
    expect((await editor.post(`/en/admin/newsletter/${id}/schedule`, { at: soon }, { from: `/en/admin/newsletter/${id}` })).statusCode).toBe(303);
    expect((await db().selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('scheduled');
    await drain();
    expect((await db().selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent');

    const other = await readyIssue('2019-06');
    const later = new Date(Date.now() - 30_000).toISOString().slice(0, 16);
    await editor.post(`/en/admin/newsletter/${other}/schedule`, { at: later }, { from: `/en/admin/newsletter/${other}` });
    expect((await editor.post(`/en/admin/newsletter/${other}/unschedule`, {}, { from: `/en/admin/newsletter/${other}` })).statusCode).toBe(303);
    await drain();
    const row = await db().selectFrom('newsletter_issues').select(['status', 'scheduled_at']).where('id', '=', other).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', scheduled_at: null });
    expect((await editor.post(`/en/admin/newsletter/${other}/schedule`, { at: 'tomorrow' }, { from: `/en/admin/newsletter/${other}` })).statusCode).toBe(400);
  });

  it('marks a permanent SMTP refusal failed and suspends the address; a temporary one is retried later', async () => {
    await db().updateTable('subscribers').set({ status: 'unsubscribed', unsubscribed_at: new Date() }).where('status', '=', 'active').execute();
    await addActiveSubscribers(db(), [{ email: 'gone@example.org', lang: 'en' }]);
    const id = await readyIssue('2019-07');
    smtp.refuseWith = 550;
    await editor.post(`/en/admin/newsletter/${id}/send`, {}, { from: `/en/admin/newsletter/${id}` });
    await drain();
    smtp.refuseWith = null;
    const delivery = await db().selectFrom('newsletter_deliveries').selectAll().where('issue_id', '=', id).executeTakeFirstOrThrow();
    expect(delivery.status).toBe('failed');
    expect(delivery.last_error).toMatch(/^550/);
    expect((await db().selectFrom('subscribers').select('status').where('email', '=', 'gone@example.org').executeTakeFirstOrThrow()).status).toBe('suspended');

    await addActiveSubscribers(db(), [{ email: 'busy@example.org', lang: 'fr' }]);
    const second = await readyIssue('2019-08');
    smtp.refuseWith = 451;
    await editor.post(`/en/admin/newsletter/${second}/send`, {}, { from: `/en/admin/newsletter/${second}` });
    await drain();
    smtp.refuseWith = null;
    const retry = await db().selectFrom('newsletter_deliveries').selectAll().where('issue_id', '=', second).executeTakeFirstOrThrow();
    expect(retry.status).toBe('queued');
    expect(retry.attempts).toBe(1);
    expect(retry.retry_after!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await db().selectFrom('newsletter_issues').select('status').where('id', '=', second).executeTakeFirstOrThrow()).status).toBe('sending');
  });
});

describe('the sender', { timeout: 120_000 }, () => {
  it('hands over to a fresh job when its time is spent, and skips whoever unsubscribed meanwhile', async () => {
    await db().updateTable('subscribers').set({ status: 'unsubscribed', unsubscribed_at: new Date() }).where('status', '=', 'active').execute();
    await addActiveSubscribers(db(), [{ email: 'stay1@example.org', lang: 'en' }, { email: 'stay2@example.org', lang: 'fr' }, { email: 'leave@example.org', lang: 'es' }]);
    const id = await readyIssue('2019-11');
    expect(await startSending(t.app.ctx, id, null)).toBe(3);
    await db().updateTable('subscribers').set({ status: 'unsubscribed', unsubscribed_at: new Date() }).where('email', '=', 'leave@example.org').execute();
    // No time at all: nothing is sent, and a continuation is queued.
    await sendIssue(t.app.ctx, id, { budgetMs: -1 });
    expect(await db().selectFrom('newsletter_deliveries').select('status').where('issue_id', '=', id).where('status', '=', 'queued').execute()).toHaveLength(3);
    const before = smtp.received.length;
    await drain();
    expect(smtp.received.slice(before).map((m) => m.to![0]!.address).sort()).toEqual(['stay1@example.org', 'stay2@example.org']);
    const rows = await db().selectFrom('newsletter_deliveries').select(['email', 'status']).where('issue_id', '=', id).orderBy('email').execute();
    expect(rows).toEqual([
      { email: 'leave@example.org', status: 'cancelled' },
      { email: 'stay1@example.org', status: 'sent' },
      { email: 'stay2@example.org', status: 'sent' },
    ]);
    expect((await db().selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent');
  });
});

describe('the sender losing its lock connection', { timeout: 120_000 }, () => {
  it('stops that run without taking the process down, and the next sender gives everyone one message', async () => {
    await db().updateTable('subscribers').set({ status: 'unsubscribed', unsubscribed_at: new Date() }).where('status', '=', 'active').execute();
    await addActiveSubscribers(db(), [{ email: 'lost1@example.org', lang: 'en' }, { email: 'lost2@example.org', lang: 'fr' }, { email: 'lost3@example.org', lang: 'es' }]);
    const id = await readyIssue('2019-12');
    expect(await startSending(t.app.ctx, id, null)).toBe(3);
    const before = smtp.received.length;
    // At the first RCPT, the connection holding the issue's advisory lock is ended by the server
    // (as a restart or pg_terminate_backend would): an unheard pg 'error' would end this process.
    let terminated = 0;
    let asked = false;
    smtp.beforeRcpt = async () => {
      if (asked) return;
      asked = true;
      const { rows } = await t.database.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = 5100 AND objid = $1 AND granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [id],
      );
      terminated = rows.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    try {
      await expect(sendIssue(t.app.ctx, id)).rejects.toThrow(/lock connection was lost/);
    } finally {
      smtp.beforeRcpt = null;
    }
    expect(terminated).toBe(1);
    // The run stopped after the message in flight; the next sender (the job's retry) sends the rest.
    await sendIssue(t.app.ctx, id);
    const to = smtp.received.slice(before).map((m) => m.to![0]!.address).sort();
    expect(to).toEqual(['lost1@example.org', 'lost2@example.org', 'lost3@example.org']);
    const rows = await db().selectFrom('newsletter_deliveries').select('status').where('issue_id', '=', id).execute();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });
});

describe('the bounce endpoint', { timeout: 120_000 }, () => {
  const post = (payload: string | object, token = 'bounce-secret-0123456789-0123456789', type = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/v1/newsletter/bounces', headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it('refuses a wrong secret, bad JSON, a bad type and an unknown address, with clear 4xx answers', async () => {
    const wrong = await post({ email: 'x@example.org', type: 'permanent' }, 'guess');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('newsletter.error.bounce_token');
    const broken = await post('{"email": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toBeDefined();
    const badType = await post({ email: 'x@example.org', type: 'soft' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.fields.type).toBe('The type must be "permanent" or "temporary".');
    const unknown = await post({ email: 'nobody@example.org', type: 'permanent' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('newsletter.error.unknown_address');
  });

  it('marks the delivery bounced, and repeated temporary bounces suspend the address', async () => {
    await addActiveSubscribers(db(), [{ email: 'flaky@example.org', lang: 'es' }]);
    const id = await readyIssue('2019-09');
    await editor.post(`/en/admin/newsletter/${id}/send`, {}, { from: `/en/admin/newsletter/${id}` });
    await drain();
    const delivery = await db().selectFrom('newsletter_deliveries').selectAll().where('issue_id', '=', id).where('email', '=', 'flaky@example.org').executeTakeFirstOrThrow();
    const first = await post({ email: 'flaky@example.org', type: 'temporary', messageId: delivery.message_id });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ recorded: true, subscriberStatus: 'active', bounceCount: 1 });
    expect((await db().selectFrom('newsletter_deliveries').select('status').where('id', '=', delivery.id).executeTakeFirstOrThrow()).status).toBe('bounced');
    await post({ email: 'flaky@example.org', type: 'temporary' });
    const third = await post({ email: 'FLAKY@example.org', type: 'temporary' });
    expect(third.json()).toMatchObject({ subscriberStatus: 'suspended', bounceCount: 3 });
    const forged = await post({ email: 'flaky@example.org', type: 'temporary', messageId: '<newsletter-999-1@elsewhere>' });
    expect(forged.statusCode).toBe(404);
  });

  it('answers 429 to an address guessing the secret, while the relay holding it is never slowed', async () => {
    const from = (token: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/newsletter/bounces', remoteAddress, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'nobody@example.org', type: 'permanent' }) });
    const guesses: number[] = [];
    for (let i = 0; i < 11; i++) guesses.push((await from(`guess-${i}`, '203.0.113.77')).statusCode);
    expect(guesses).toEqual([...Array(10).fill(403), 429]);
    const relay: number[] = [];
    for (let i = 0; i < 12; i++) relay.push((await from('bounce-secret-0123456789-0123456789', '203.0.113.78')).statusCode);
    expect(relay).toEqual(Array(12).fill(404));
    // The guesser's own right token still goes through: only wrong tokens are counted.
    expect((await from('bounce-secret-0123456789-0123456789', '203.0.113.77')).statusCode).toBe(404);
  });

  it('does not exist without a configured secret', async () => {
    const saved = t.app.ctx.config.bounceToken;
    t.app.ctx.config.bounceToken = undefined;
    try {
      expect((await post({ email: 'x@example.org', type: 'permanent' })).statusCode).toBe(404);
    } finally {
      t.app.ctx.config.bounceToken = saved;
    }
  });
});

describe('newsletter permissions', { timeout: 120_000 }, () => {
  it('sends visitors to sign in, refuses other staff, lets editors in', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/fr/admin/newsletter' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/fr/sign-in?next=%2Ffr%2Fadmin%2Fnewsletter');
    const reviewer = await signIn(t.app, 'reviewer@example.org');
    expect((await reviewer.get('/en/admin/newsletter')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/en/admin/newsletter/1/send', headers: FORM, payload: '' })).statusCode).toBe(403);
    expect((await editor.get('/ko/admin/newsletter')).statusCode).toBe(200);
  });

  it('shows the exact mail HTML as the preview, with its own content policy', async () => {
    const id = await readyIssue('2019-10');
    const preview = await editor.get(`/es/admin/newsletter/${id}/editions/fr/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body.startsWith('<!doctype html><html lang="fr"')).toBe(true);
    expect(preview.headers['content-security-policy']).toContain("style-src 'unsafe-inline'");
    const parsed = await PostalMime.parse(`Content-Type: text/html; charset=utf-8\r\n\r\n${preview.body}`);
    expect(parsed.html).toContain('Bienvenue dans ce numéro.');
    expect((await editor.get(`/en/admin/newsletter/${id}/editions/de/preview`)).statusCode).toBe(404);
    // An unknown notice in the address is ignored, never an error.
    const odd = await editor.get(`/en/admin/newsletter/${id}?done=constructor`);
    expect(odd.statusCode).toBe(200);
    expect((await editor.get(`/en/admin/newsletter/${id}?done=test_sent`)).body).toContain('The test message is on its way.');
    expect((await editor.get('/en/admin/newsletter/999999')).statusCode).toBe(404);
  });
});
