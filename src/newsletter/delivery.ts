import net from 'node:net';
import nodemailer from 'nodemailer';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { translator, type Lang } from '../i18n/i18n.ts';
import { recordBounce, subscriberLinks, subscribersFor, type Recipient } from '../subscribers/domain.ts';
import { queueMail } from '../mail/outbox.ts';
import { HttpError } from '../web/http-error.ts';
import { issueContent } from './content.ts';
import { deliveryLang, issueDetail, type IssueDetail } from './issues.ts';
import { personalise, renderIssue, type RenderedIssue } from './mail.tsx';
import * as q from './queries.ts';

/**
 * Sending an issue, at most once per subscriber.
 *
 * 1. `startSending` writes one `queued` delivery per active subscriber in one transaction (UNIQUE
 *    (issue, subscriber)), and enqueues the `newsletter.send` job in that same transaction.
 * 2. The job takes a PostgreSQL advisory lock for the issue on a connection it holds: one sender
 *    per issue at a time, across processes. The lock dies with the process's connection, so a
 *    killed sender's lock is free at once for the next one.
 * 3. For each message it first commits the row as `sending` (own statement), then talks SMTP, then
 *    commits `sent` / `queued` for a retry / `failed`.
 * 4. The ambiguous window: killed after the server's 250 and before the `sent` commit, the row stays
 *    `sending`. The next sender (holding the lock, hence the only sender) finds such rows and does
 *    NOT resend them: it records them `sent` with the note "unconfirmed". We choose at-most-once:
 *    a subscriber may, in that rare window, miss one issue; nobody ever gets it twice. The
 *    Message-ID is deterministic per (issue, subscriber), so a server's log tells which it was.
 */
export const SEND_JOB = 'newsletter.send';
export const START_JOB = 'newsletter.start';
export const RESUME_JOB = 'newsletter.resume';

const MAX_ATTEMPTS = 5;
const LOCK_SPACE = 5_100;
/** A job sends for at most this long, then hands over to a fresh job (well under the queue's 15-minute expiry). */
const JOB_BUDGET_MS = 5 * 60_000;

type Ctx = Pick<AppContext, 'db' | 'pool' | 'jobs' | 'config' | 'mailer' | 'pageCache'>;

export async function startSending(ctx: Ctx, issueId: number, actorId: number | null, { scheduled = false } = {}): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const issue = await q.lockIssue(trx, issueId);
    if (!issue) throw new HttpError(404, 'error.not_found');
    // A scheduled job whose schedule was cancelled, moved or already carried out does nothing.
    if (scheduled && (issue.status !== 'scheduled' || !issue.scheduled_at || issue.scheduled_at.getTime() > Date.now())) return 0;
    if (issue.status === 'sending' || issue.status === 'sent') throw new HttpError(409, 'newsletter.error.already_sent');
    const detail = (await issueDetail(trx, { id: issueId }))!;
    if (detail.blockers.length > 0) throw new HttpError(409, 'newsletter.error.blocked');
    const recipients = await subscribersFor(trx, { topics: ['newsletter'] });
    const host = messageHost(ctx.config.baseUrl);
    for (let start = 0; start < recipients.length; start += 1000) {
      const rows = recipients.slice(start, start + 1000).map((r) => ({
        issue_id: issueId,
        subscriber_id: r.id,
        email: r.email,
        lang: deliveryLang(detail.issue, detail.states, r.lang),
        message_id: messageId(issueId, r.id, host),
      }));
      await trx.insertInto('newsletter_deliveries').values(rows).onConflict((oc) => oc.columns(['issue_id', 'subscriber_id']).doNothing()).execute();
    }
    await q.updateIssue(trx, issueId, { status: 'sending', scheduled_at: issue.scheduled_at });
    await ctx.jobs.send(SEND_JOB, { issueId }, { trx });
    await recordAudit(trx, { actorId, action: 'newsletter.issue.send', entityType: 'newsletter_issue', entityId: issueId, details: { recipients: recipients.length } });
    return recipients.length;
  });
}

/** Schedules an issue: a job at that time starts sending if the issue is still scheduled for then. */
export async function scheduleIssue(ctx: Ctx, issueId: number, at: Date, actorId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const issue = await q.lockIssue(trx, issueId);
    if (!issue) throw new HttpError(404, 'error.not_found');
    if (issue.status === 'sending' || issue.status === 'sent') throw new HttpError(409, 'newsletter.error.already_sent');
    const detail = (await issueDetail(trx, { id: issueId }))!;
    if (detail.blockers.length > 0) throw new HttpError(409, 'newsletter.error.blocked');
    await q.updateIssue(trx, issueId, { status: 'scheduled', scheduled_at: at });
    await ctx.jobs.send(START_JOB, { issueId }, { trx, startAfter: at });
    await recordAudit(trx, { actorId, action: 'newsletter.issue.schedule', entityType: 'newsletter_issue', entityId: issueId, details: { at: at.toISOString() } });
  });
}

export async function unscheduleIssue(ctx: Ctx, issueId: number, actorId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const issue = await q.lockIssue(trx, issueId);
    if (!issue) throw new HttpError(404, 'error.not_found');
    if (issue.status !== 'scheduled') throw new HttpError(409, 'newsletter.error.not_scheduled');
    await q.updateIssue(trx, issueId, { status: 'draft', scheduled_at: null });
    await recordAudit(trx, { actorId, action: 'newsletter.issue.unschedule', entityType: 'newsletter_issue', entityId: issueId });
  });
}

/** The scheduled job: starts sending when the issue is still scheduled and due (a reschedule or an unschedule makes it a no-op). */
export async function runScheduled(ctx: Ctx, issueId: number): Promise<void> {
  try {
    await startSending(ctx, issueId, null, { scheduled: true });
  } catch (error) {
    // An edition made outdated after scheduling blocks the send: back to draft, for an editor to see.
    if (!(error instanceof HttpError) || error.code !== 'newsletter.error.blocked') throw error;
    await ctx.db.transaction().execute(async (trx) => {
      await q.updateIssue(trx, issueId, { status: 'draft', scheduled_at: null });
      await recordAudit(trx, { actorId: null, action: 'newsletter.issue.schedule_blocked', entityType: 'newsletter_issue', entityId: issueId });
    });
  }
}

/** At start and every minute: every issue still sending gets a sender (a no-op where one is running). */
export async function resumeSending(ctx: Ctx): Promise<void> {
  const sending = await ctx.db.selectFrom('newsletter_issues').select('id').where('status', '=', 'sending').execute();
  for (const { id } of sending) await ctx.jobs.send(SEND_JOB, { issueId: id });
}

export const messageHost = (baseUrl: string) => {
  try {
    return new URL(baseUrl).hostname || 'passerelle.local';
  } catch {
    return 'passerelle.local';
  }
};
export const messageId = (issueId: number, subscriberId: number, host: string) => `<newsletter-${issueId}-${subscriberId}@${host}>`;

interface SmtpFailure extends Error {
  responseCode?: number;
  command?: string;
}

/** SMTP commands before DATA: a failure there means the server cannot have taken the message. */
const BEFORE_DATA = new Set(['CONN', 'EHLO', 'HELO', 'LHLO', 'STARTTLS', 'AUTH PLAIN', 'AUTH LOGIN', 'AUTH XOAUTH2', 'AUTH CRAM-MD5', 'MAIL FROM', 'RCPT TO']);

export type Outcome = { kind: 'sent' } | { kind: 'temporary'; error: string } | { kind: 'permanent'; error: string } | { kind: 'unconfirmed'; error: string };

export function classify(error: SmtpFailure | null): Outcome {
  if (!error) return { kind: 'sent' };
  const message = `${error.responseCode ?? error.command ?? ''} ${error.message}`.trim().slice(0, 500);
  if (error.responseCode && error.responseCode >= 500) return { kind: 'permanent', error: message };
  if (error.responseCode && error.responseCode >= 400) return { kind: 'temporary', error: message };
  if (error.command && BEFORE_DATA.has(error.command)) return { kind: 'temporary', error: message };
  // No reply code after the message may have been handed over: at-most-once says do not resend.
  return { kind: 'unconfirmed', error: message };
}

interface Transport {
  send(message: { to: string; subject: string; html: string; text: string; messageId: string; headers: Record<string, string> }): Promise<void>;
  close(): void;
}

/** A pooled SMTP connection for the run (a fresh connection per message would halve the rate), or the outbox. */
function openTransport(ctx: Ctx): Transport {
  if (!ctx.config.smtpUrl) {
    return { send: ({ messageId: id, headers, ...rest }) => ctx.mailer.send({ ...rest, headers: { ...headers, 'Message-ID': id } }), close: () => {} };
  }
  const plain = ctx.config.smtpUrl.startsWith('smtp:');
  const transport = nodemailer.createTransport({
    url: ctx.config.smtpUrl,
    pool: true,
    maxConnections: 1,
    // An SMTP exchange is a string of small writes; with Nagle's algorithm each one can wait for a
    // delayed ACK (measured here: 30–80 ms per message instead of a few). TLS from the first byte
    // (smtps:) keeps nodemailer's own socket.
    ...(plain ? { getSocket: noDelaySocket } : {}),
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    send: async (message) => {
      await transport.sendMail({ from: ctx.config.mailFrom, ...message });
    },
    close: () => transport.close(),
  };
}

function noDelaySocket(options: { host?: string; port?: number }, callback: (error: Error | null, socket?: { connection: net.Socket }) => void) {
  let answered = false;
  const answer = (error: Error | null) => {
    if (answered) return;
    answered = true;
    callback(error, error ? undefined : { connection: socket });
  };
  const socket = net.connect(options.port ?? 25, options.host ?? 'localhost', () => answer(null));
  socket.setNoDelay(true);
  // Errors after the connection is handed over are nodemailer's to see, on the socket itself.
  socket.once('error', (error) => answer(error));
}

export function unsubscribeHeaders(links: { unsubscribe: string }, mailFrom: string, token: string): Record<string, string> {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return {
    'List-Unsubscribe': `<${links.unsubscribe}>, <mailto:${address}?subject=${encodeURIComponent(`unsubscribe ${token}`)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The `newsletter.send` job: sends the issue's queued deliveries, one at a time, at the configured
 * rate, until none is left or its time budget is spent (then a fresh job continues).
 */
export async function sendIssue(ctx: Ctx, issueId: number, options: { budgetMs?: number } = {}): Promise<void> {
  const client = await ctx.pool.connect();
  let locked = false;
  try {
    locked = (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_SPACE, issueId])).rows[0]?.ok ?? false;
    // Another process is sending this issue; it continues until done.
    if (!locked) return;
    await reconcileInterrupted(ctx.db, issueId);
    const detail = await issueDetail(ctx.db, { id: issueId });
    if (!detail || detail.issue.status !== 'sending') return;
    const next = await sendQueued(ctx, detail, Date.now() + (options.budgetMs ?? JOB_BUDGET_MS));
    if (next === 'done') await finish(ctx, issueId);
    else await ctx.jobs.send(SEND_JOB, { issueId }, next ? { startAfter: next } : {});
  } finally {
    if (locked) await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, issueId]).catch(() => {});
    client.release();
  }
}

/** Rows left `sending` by a sender that died mid-exchange: never resent (see the module comment). */
async function reconcileInterrupted(db: Kysely<DB>, issueId: number) {
  await db
    .updateTable('newsletter_deliveries')
    .set({ status: 'sent', sent_at: sql`sending_at`, note: 'unconfirmed: the sender stopped during the SMTP exchange; not resent' })
    .where('issue_id', '=', issueId)
    .where('status', '=', 'sending')
    .execute();
}

async function finish(ctx: Ctx, issueId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const pending = await trx.selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', issueId).where('status', 'in', ['queued', 'sending']).limit(1).executeTakeFirst();
    if (pending) return;
    await trx.updateTable('newsletter_issues').set({ status: 'sent', sent_at: new Date(), updated_at: new Date() }).where('id', '=', issueId).where('status', '=', 'sending').execute();
  });
  await ctx.pageCache.invalidate();
}

/** Sends until nothing is due; returns 'done', or when to look again (null: at once). */
async function sendQueued(ctx: Ctx, detail: IssueDetail, deadline: number): Promise<'done' | Date | null> {
  const issueId = detail.issue.id;
  const rendered = new Map<Lang, RenderedIssue>();
  const render = async (lang: Lang) => {
    let message = rendered.get(lang);
    if (!message) {
      const content = await issueContent(ctx.db, ctx.config.baseUrl, detail, lang);
      message = renderIssue(content);
      rendered.set(lang, message);
    }
    return message;
  };
  let recipients = new Map<number, Recipient>();
  let recipientsAt = 0;
  const interval = 1000 / Math.max(ctx.config.newsletterRate, 0.1);
  const transport = openTransport(ctx);
  let sentInRun = 0;
  let previousSent: string | null = null;
  const started = Date.now();
  try {
    for (;;) {
      if (Date.now() > deadline) break;
      // Someone who unsubscribes while the issue goes out is not sent it: the list is re-read every 30 s.
      if (Date.now() - recipientsAt > 30_000) {
        recipients = new Map((await subscribersFor(ctx.db)).map((r) => [r.id, r]));
        recipientsAt = Date.now();
      }
      const row = await claimNext(ctx.db, issueId, previousSent);
      previousSent = null;
      if (!row) break;
      const recipient = recipients.get(row.subscriber_id);
      if (!recipient) {
        await settle(ctx.db, row.id, { status: 'cancelled', note: 'no longer an active subscriber', sending_at: null });
        continue;
      }
      const wait = started + sentInRun * interval - Date.now();
      if (wait > 0) await sleep(wait);
      const links = subscriberLinks(ctx.config.baseUrl, { ...recipient, lang: row.lang });
      const message = personalise(await render(row.lang), links);
      const failure = await transport
        .send({ to: row.email, ...message, messageId: row.message_id, headers: unsubscribeHeaders(links, ctx.config.mailFrom, recipient.preferences_token) })
        .then(() => null, (error: SmtpFailure) => error);
      sentInRun++;
      const outcome = classify(failure);
      if (outcome.kind === 'sent') previousSent = row.id;
      else await record(ctx.db, row, outcome);
    }
  } finally {
    transport.close();
    // The last success not yet written (time budget spent). Should this fail, the row stays
    // `sending` and the next sender records it sent-unconfirmed: still never twice.
    if (previousSent) await settle(ctx.db, previousSent, { status: 'sent', sent_at: new Date(), last_error: null });
  }
  const waiting = await ctx.db
    .selectFrom('newsletter_deliveries')
    .select([sql<number>`count(*)::int`.as('queued'), sql<number>`count(*) FILTER (WHERE retry_after IS NULL OR retry_after <= now())::int`.as('due'), sql<Date | null>`min(retry_after)`.as('next')])
    .where('issue_id', '=', issueId)
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  if (Number(waiting.due) > 0) return null;
  return Number(waiting.queued) > 0 ? waiting.next : 'done';
}

/**
 * Marks the next due row `sending`, committed before any SMTP traffic. The previous message's
 * `sent`, when there is one, is committed by the same statement: one round trip per message.
 */
async function claimNext(db: Kysely<DB>, issueId: number, previousSent: string | null) {
  const result = await sql<{ id: string; subscriber_id: number; email: string; lang: Lang; message_id: string; attempts: number }>`
    WITH done AS (
      UPDATE newsletter_deliveries SET status = 'sent', sent_at = now(), last_error = NULL
      WHERE id = ${previousSent} AND status = 'sending')
    UPDATE newsletter_deliveries SET status = 'sending', sending_at = now(), attempts = attempts + 1
    WHERE id = (SELECT id FROM newsletter_deliveries
                WHERE issue_id = ${issueId} AND status = 'queued' AND (retry_after IS NULL OR retry_after <= now())
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, subscriber_id, email, lang, message_id, attempts`.execute(db);
  return result.rows[0] ?? null;
}

function settle(db: Kysely<DB> | Transaction<DB>, id: string, values: Record<string, unknown>) {
  return db.updateTable('newsletter_deliveries').set(values).where('id', '=', id).where('status', '=', 'sending').execute();
}

async function record(db: Kysely<DB>, row: { id: string; email: string; attempts: number }, outcome: Outcome) {
  switch (outcome.kind) {
    case 'sent':
      return settle(db, row.id, { status: 'sent', sent_at: new Date(), last_error: null });
    case 'unconfirmed':
      return settle(db, row.id, { status: 'sent', sent_at: new Date(), last_error: outcome.error, note: 'unconfirmed: no reply from the server after the message; not resent' });
    case 'temporary':
      if (row.attempts < MAX_ATTEMPTS) {
        // 30 s, 1 min, 2 min, 4 min: a greylisting server usually accepts the second try.
        const retry = new Date(Date.now() + 30_000 * 2 ** (row.attempts - 1));
        return settle(db, row.id, { status: 'queued', retry_after: retry, last_error: outcome.error, sending_at: null });
      }
      return settle(db, row.id, { status: 'failed', last_error: outcome.error });
    case 'permanent':
      return db.transaction().execute(async (trx) => {
        await settle(trx, row.id, { status: 'failed', last_error: outcome.error });
        await recordBounce(trx, row.email, true);
      });
  }
}

/** A test message of one edition to any address, through the ordinary mail queue (not a delivery). */
export async function sendTest(ctx: Ctx, issueId: number, lang: Lang, to: string, actorId: number): Promise<void> {
  const detail = await issueDetail(ctx.db, { id: issueId });
  if (!detail) throw new HttpError(404, 'error.not_found');
  const content = await issueContent(ctx.db, ctx.config.baseUrl, detail, lang);
  const t = translator(lang);
  const archive = `${ctx.config.baseUrl}/${lang}/newsletter`;
  const message = personalise(renderIssue(content, t('newsletter.test_notice')), { preferences: archive, unsubscribe: archive });
  await ctx.db.transaction().execute(async (trx) => {
    await queueMail(trx, ctx.jobs, 'newsletter.test', { to, subject: `[${t('newsletter.test_prefix')}] ${message.subject}`, text: message.text, html: message.html });
    await recordAudit(trx, { actorId, action: 'newsletter.test_send', entityType: 'newsletter_issue', entityId: issueId, details: { lang, to } });
  });
}

