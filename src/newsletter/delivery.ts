import { sql, type Kysely, type Transaction } from 'kysely';
import { reindexSearch } from '../search/indexer.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { translator, type Lang } from '../i18n/i18n.ts';
import { recordBounce, subscriberLinks, subscribersFor, type Recipient } from '../subscribers/domain.ts';
import { mintLinkTokens } from '../subscribers/links.ts';
import { queueMail } from '../mail/outbox.ts';
import { HttpError } from '../web/http-error.ts';
import { issueContent } from './content.ts';
import { deliveryLang, issueDetail, type IssueDetail } from './issues.ts';
import { personalise, renderIssue, type RenderedIssue } from './mail.tsx';
import * as q from './queries.ts';
import { mailerLine, smtpLine, type Line, type LineFailure } from './smtp-lines.ts';

/**
 * Sending an issue, exactly once per subscriber (docs/decisions/0520-newsletter-exactly-once.md).
 *
 * 1. `startSending` writes one `queued` delivery per active subscriber in one transaction (UNIQUE
 *    (issue, subscriber)), and enqueues the `newsletter.send` job in that same transaction.
 * 2. The job takes a PostgreSQL advisory lock for the issue on a connection it holds: one sender
 *    per issue at a time, across processes. The lock dies with the process's connection, so a
 *    killed sender's lock is free at once for the next one.
 * 3. It claims rows in batches (`sending`, stage `claimed`, one statement) and sends them over a few
 *    SMTP connections in parallel. For each message, after the whole message is written and before
 *    the final "." of DATA, the stage `data_ended` is committed (one UPDATE for every connection
 *    waiting there). The outcome follows: accepted rows become `sent` with the next claim.
 * 4. A sender killed anywhere leaves rows `sending` with their stage. The next sender resends the
 *    `claimed` ones (no server can have accepted a message without its final dot) and counts the
 *    `data_ended` ones sent with the note "unconfirmed" (a server may hold them). The windows
 *    left: killed after the dot, before the server's reply, *and* the server then refusing the
 *    message; or killed while the `data_ended` commit is in flight (about a millisecond before
 *    the dot): that subscriber misses the issue. Nobody gets two; the deterministic Message-ID lets
 *    a mail log settle any doubt.
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

export type Outcome = { kind: 'sent' } | { kind: 'temporary'; error: string } | { kind: 'permanent'; error: string } | { kind: 'unconfirmed'; error: string };

/**
 * What a failed exchange means. A reply code is the server's word (5xx permanent, 4xx try again).
 * Without one, what matters is whether the final dot had gone out: before it no server can have
 * accepted the message (resend); after it the server may hold it (counted sent, never resent).
 */
export function classify(error: LineFailure | null): Outcome {
  if (!error) return { kind: 'sent' };
  const message = `${error.responseCode ?? error.command ?? ''} ${error.message}`.trim().slice(0, 500);
  if (error.responseCode && error.responseCode >= 500) return { kind: 'permanent', error: message };
  if (error.responseCode && error.responseCode >= 400) return { kind: 'temporary', error: message };
  return error.afterEndOfData ? { kind: 'unconfirmed', error: message } : { kind: 'temporary', error: message };
}

function openLines(ctx: Ctx): Line[] {
  const { smtpUrl, mailFrom } = ctx.config;
  if (!smtpUrl) return [mailerLine((message) => ctx.mailer.send(message))];
  // Parallel connections (NEWSLETTER_CONNECTIONS): a relay usually allows a handful per client.
  return Array.from({ length: ctx.config.newsletterConnections }, () => smtpLine(smtpUrl, mailFrom));
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
 * The `newsletter.send` job: sends the issue's queued deliveries over several SMTP connections, at
 * the configured rate, until none is left or its time budget is spent (then a fresh job continues).
 */
export async function sendIssue(ctx: Ctx, issueId: number, options: { budgetMs?: number } = {}): Promise<void> {
  const client = await ctx.pool.connect();
  let locked = false;
  // The lock's connection sits checked out, idle, for the whole run: the pool no longer listens for
  // its errors, and an unheard 'error' (connection terminated or reset) would kill the whole worker
  // process. Heard here, it stops the run instead: without the connection the lock is gone, so no
  // new message may start; the job fails, is retried, and the next sender settles the rows.
  let lost: Error | null = null;
  const onLost = (error: Error) => (lost ??= error);
  client.on('error', onLost);
  try {
    locked = (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_SPACE, issueId])).rows[0]?.ok ?? false;
    // Another process is sending this issue; it continues until done.
    if (!locked) return;
    await reconcileInterrupted(ctx.db, issueId);
    const detail = await issueDetail(ctx.db, { id: issueId });
    if (!detail || detail.issue.status !== 'sending') return;
    const next = await sendQueued(ctx, detail, Date.now() + (options.budgetMs ?? JOB_BUDGET_MS), () => lost !== null);
    if (lost) throw new Error(`newsletter ${issueId}: the sender's lock connection was lost (${(lost as Error).message}); stopped`);
    if (next === 'done') await finish(ctx, issueId);
    else await ctx.jobs.send(SEND_JOB, { issueId }, next ? { startAfter: next } : {});
  } finally {
    if (locked && !lost) await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, issueId]).catch(() => {});
    client.off('error', onLost);
    // A broken connection is destroyed, not handed back to the pool.
    client.release(lost ?? undefined);
  }
}

/**
 * Rows left `sending` by a sender that died (only the lock holder sends, so none is in flight).
 * `claimed`: the final dot was never sent, no server can hold the message: queued again, same
 * Message-ID. `data_ended` (or no stage, from a sender older than stages): a server may hold it:
 * counted sent with a note, never resent (docs/decisions/0520-newsletter-exactly-once.md).
 */
export async function reconcileInterrupted(db: Kysely<DB>, issueId: number): Promise<void> {
  await sql`
    UPDATE newsletter_deliveries
    SET status = 'queued', stage = NULL, sending_at = NULL, retry_after = NULL,
        note = 'resent: the sender stopped before the end of the data'
    WHERE issue_id = ${issueId} AND status = 'sending' AND stage = 'claimed'`.execute(db);
  await sql`
    UPDATE newsletter_deliveries
    SET status = 'sent', sent_at = sending_at,
        note = 'unconfirmed: the sender stopped after the end of the data, before the reply was recorded; not resent'
    WHERE issue_id = ${issueId} AND status = 'sending'`.execute(db);
}

async function finish(ctx: Ctx, issueId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const pending = await trx.selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', issueId).where('status', 'in', ['queued', 'sending']).limit(1).executeTakeFirst();
    if (pending) return;
    await trx.updateTable('newsletter_issues').set({ status: 'sent', sent_at: new Date(), updated_at: new Date() }).where('id', '=', issueId).where('status', '=', 'sending').execute();
    // Sent, the issue joins the public archive and the search.
    await reindexSearch(trx, 'newsletter', [issueId]);
  });
  await ctx.pageCache.invalidate();
}

/**
 * Commits one UPDATE for every id handed over while the previous one ran ("group commit"): with
 * several connections in flight, one round trip records the stage of several messages.
 */
class GroupCommit {
  private pending: { id: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private running = false;
  constructor(private readonly write: (ids: string[]) => Promise<unknown>) {}

  add(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ id, resolve, reject });
      void this.flush();
    });
  }

  private async flush() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        try {
          await this.write(batch.map((entry) => entry.id));
          for (const entry of batch) entry.resolve();
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

type Claimed = { id: string; subscriber_id: number; email: string; lang: Lang; message_id: string; attempts: number };

/** Sends until nothing is due; returns 'done', or when to look again (null: at once). */
async function sendQueued(ctx: Ctx, detail: IssueDetail, deadline: number, lockLost: () => boolean = () => false): Promise<'done' | Date | null> {
  const issueId = detail.issue.id;
  const rendered = new Map<Lang, Promise<RenderedIssue>>();
  const render = (lang: Lang) => {
    let message = rendered.get(lang);
    if (!message) {
      message = issueContent(ctx.db, ctx.config.baseUrl, detail, lang).then(renderIssue);
      rendered.set(lang, message);
    }
    return message;
  };
  const rate = Math.max(ctx.config.newsletterRate, 0.1);
  const interval = 1000 / rate;
  // About a second of messages per claim, so rows are not held `sending` long before their turn.
  const batchSize = Math.max(ctx.config.newsletterConnections, Math.min(200, Math.ceil(rate)));
  // Accepted messages are recorded by the next stage commit or claim, in the same statement: until
  // then their rows say `data_ended`, which a later sender also counts as sent.
  let accepted: string[] = [];
  const takeAccepted = () => {
    const ids = accepted;
    accepted = [];
    return ids;
  };
  const dataEnded = new GroupCommit(
    (ids) => sql`
      WITH done AS (
        UPDATE newsletter_deliveries SET status = 'sent', sent_at = now(), last_error = NULL, stage = NULL
        WHERE id = ANY(${takeAccepted()}::bigint[]) AND status = 'sending')
      UPDATE newsletter_deliveries SET stage = 'data_ended' WHERE id = ANY(${ids}::bigint[]) AND status = 'sending'`.execute(ctx.db),
  );
  let queue: Claimed[] = [];
  let exhausted = false;
  let claiming: Promise<void> | null = null;
  let recipients = new Map<number, Recipient>();
  const linkTokens = new Map<Claimed['id'], string>();
  let recipientsAt = 0;
  let slots = 0;
  const started = Date.now();

  const claim = async () => {
    // Someone who unsubscribes while the issue goes out is not sent it: the list is re-read every 30 s.
    if (Date.now() - recipientsAt > 30_000) {
      recipients = new Map((await subscribersFor(ctx.db)).map((r) => [r.id, r]));
      recipientsAt = Date.now();
    }
    const rows = await claimBatch(ctx.db, issueId, batchSize, takeAccepted());
    if (rows.length === 0) exhausted = true;
    // Each message's preferences and unsubscribe links get a token of their own; only its hash is
    // stored, in one statement for the batch.
    const tokens = await mintLinkTokens(ctx.db, rows.map((row) => row.subscriber_id));
    rows.forEach((row, index) => linkTokens.set(row.id, tokens[index]!));
    queue.push(...rows);
  };
  const next = async (): Promise<Claimed | null> => {
    while (queue.length === 0) {
      if (exhausted || Date.now() > deadline || lockLost()) return null;
      claiming ??= claim().finally(() => (claiming = null));
      await claiming;
    }
    return queue.shift()!;
  };

  const run = async (line: Line) => {
    for (;;) {
      const row = lockLost() ? null : await next();
      if (!row) return;
      const recipient = recipients.get(row.subscriber_id);
      if (!recipient) {
        await settle(ctx.db, row.id, { status: 'cancelled', note: 'no longer an active subscriber', sending_at: null, stage: null });
        continue;
      }
      const wait = started + slots++ * interval - Date.now();
      if (wait > 0) await sleep(wait);
      const linkToken = linkTokens.get(row.id)!;
      linkTokens.delete(row.id);
      const links = subscriberLinks(ctx.config.baseUrl, { ...recipient, lang: row.lang }, linkToken);
      const message = personalise(await render(row.lang), links);
      const failure = await line
        .send({ to: row.email, ...message, messageId: row.message_id, headers: unsubscribeHeaders(links, ctx.config.mailFrom, linkToken) }, () => dataEnded.add(row.id))
        .then(() => null, (error: LineFailure) => error);
      const outcome = classify(failure);
      if (outcome.kind === 'sent') accepted.push(row.id);
      else await record(ctx.db, row, outcome);
    }
  };

  const lines = openLines(ctx);
  try {
    await Promise.all(lines.map(run));
  } finally {
    for (const line of lines) line.close();
    await (claiming as Promise<void> | null)?.catch(() => {});
    // Should these fail, the rows stay `sending` with their stage, and the next sender settles
    // them: accepted ones (data_ended) as sent, claimed ones (never begun) queued again.
    if (accepted.length > 0) await markSent(ctx.db, takeAccepted());
    if (queue.length > 0) await requeue(ctx.db, queue.map((row) => row.id));
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
 * Marks the next `size` due rows `sending` / `claimed` in one statement, committed before any SMTP
 * traffic for them. The previous messages' `sent` is committed by the same statement.
 */
async function claimBatch(db: Kysely<DB>, issueId: number, size: number, accepted: string[]): Promise<Claimed[]> {
  const result = await sql<Claimed>`
    WITH done AS (
      UPDATE newsletter_deliveries SET status = 'sent', sent_at = now(), last_error = NULL, stage = NULL
      WHERE id = ANY(${accepted}::bigint[]) AND status = 'sending')
    UPDATE newsletter_deliveries SET status = 'sending', stage = 'claimed', sending_at = now(), attempts = attempts + 1
    WHERE id IN (SELECT id FROM newsletter_deliveries
                 WHERE issue_id = ${issueId} AND status = 'queued' AND (retry_after IS NULL OR retry_after <= now())
                 ORDER BY id LIMIT ${size} FOR UPDATE SKIP LOCKED)
    RETURNING id, subscriber_id, email, lang, message_id, attempts`.execute(db);
  return result.rows.sort((a, b) => Number(a.id) - Number(b.id));
}

function markSent(db: Kysely<DB>, ids: string[]) {
  return sql`UPDATE newsletter_deliveries SET status = 'sent', sent_at = now(), last_error = NULL, stage = NULL WHERE id = ANY(${ids}::bigint[]) AND status = 'sending'`.execute(db);
}

/** Claimed rows not begun when the run stopped: queued again without counting an attempt. */
function requeue(db: Kysely<DB>, ids: string[]) {
  return sql`UPDATE newsletter_deliveries SET status = 'queued', stage = NULL, sending_at = NULL, attempts = greatest(attempts - 1, 0)
             WHERE id = ANY(${ids}::bigint[]) AND status = 'sending' AND stage = 'claimed'`.execute(db);
}

function settle(db: Kysely<DB> | Transaction<DB>, id: string, values: Record<string, unknown>) {
  return db.updateTable('newsletter_deliveries').set(values).where('id', '=', id).where('status', '=', 'sending').execute();
}

async function record(db: Kysely<DB>, row: { id: string; email: string; attempts: number }, outcome: Outcome) {
  switch (outcome.kind) {
    case 'sent':
      return settle(db, row.id, { status: 'sent', sent_at: new Date(), last_error: null, stage: null });
    case 'unconfirmed':
      return settle(db, row.id, { status: 'sent', sent_at: new Date(), last_error: outcome.error, note: 'unconfirmed: no reply from the server after the end of the data; not resent' });
    case 'temporary':
      if (row.attempts < MAX_ATTEMPTS) {
        // 30 s, 1 min, 2 min, 4 min: a greylisting server usually accepts the second try.
        const retry = new Date(Date.now() + 30_000 * 2 ** (row.attempts - 1));
        return settle(db, row.id, { status: 'queued', retry_after: retry, last_error: outcome.error, sending_at: null, stage: null });
      }
      return settle(db, row.id, { status: 'failed', last_error: outcome.error, stage: null });
    case 'permanent':
      return db.transaction().execute(async (trx) => {
        await settle(trx, row.id, { status: 'failed', last_error: outcome.error, stage: null });
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

