import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { Lang } from '../../i18n/langs.ts';
import { HttpError } from '../../web/http-error.ts';
import { callTemplates, pendingRecipients, renderMail } from './mail.ts';
import type { CallRow } from './queries.ts';
import './tables.ts';

/**
 * Releasing decisions and sending their mails, exactly once per submitter.
 *
 * The mails are rendered when the decisions are released, into call_notifications (one row per
 * submission, its primary key), in the same transaction that marks the decisions released and
 * enqueues the job: what the preview showed is what is sent, and a second release finds nothing.
 * The job claims one row at a time: `sending` is committed before the SMTP exchange, `sent` after
 * the server's 250. An error the server answered (or a connection never made) means the message was
 * not taken: the row goes back to `pending` and the job is retried later. A row found `sending` when
 * a run starts belongs to a run that died mid-exchange; the message may have reached the server, so
 * it is marked `unconfirmed` and never sent again (docs/decisions/0520: nobody gets two).
 */
export const NOTIFY_JOB = 'calls.notify';
type Ctx = Pick<AppContext, 'db' | 'pool' | 'mailer' | 'jobs' | 'config' | 'pageCache'>;

export async function releaseDecisions(ctx: Ctx, actorId: number, call: CallRow): Promise<number> {
  const count = await ctx.db.transaction().execute(async (trx) => {
    // The call row's lock makes two releases at once run one after the other.
    await trx.selectFrom('calls').select('id').where('id', '=', call.id).forUpdate().executeTakeFirst();
    const recipients = await pendingRecipients(trx, call.id);
    if (!recipients.length) {
      const released = await trx.selectFrom('submissions').select('id').where('call_id', '=', call.id).where('decision_released_at', 'is not', null).limit(1).executeTakeFirst();
      throw new HttpError(409, released ? 'selection.error.already_released' : 'selection.error.nothing_to_release');
    }
    const templates = await callTemplates(trx, call.id);
    const host = new URL(ctx.config.baseUrl).hostname;
    const rows = recipients.map((recipient) => {
      const mail = renderMail(templates[recipient.lang as Lang][recipient.decision], call, recipient);
      return {
        submission_id: recipient.id, call_id: call.id, lang: recipient.lang, decision: recipient.decision,
        to_address: mail.to, subject: mail.subject, body: mail.text, message_id: `<call-${call.id}-decision-${recipient.id}@${host}>`,
      };
    });
    const inserted = await trx.insertInto('call_notifications').values(rows).onConflict((oc) => oc.column('submission_id').doNothing()).returning('submission_id').execute();
    await trx.updateTable('submissions').set({ decision_released_at: sql`now()`, version: sql`version + 1` })
      .where(sql<boolean>`id = ANY(${sql.val(recipients.map((r) => r.id))}::int[])`).execute();
    if (call.state !== 'published') await trx.updateTable('calls').set({ state: 'decided', updated_at: sql`now()` }).where('id', '=', call.id).execute();
    await recordAudit(trx, { actorId, action: 'calls.selection.release', entityType: 'call', entityId: call.id, details: { call: call.slug, count: inserted.length } });
    await ctx.jobs.send(NOTIFY_JOB, { callId: call.id }, { trx });
    return inserted.length;
  });
  await ctx.pageCache.invalidate();
  return count;
}

/**
 * True when the message surely did not reach the server: it answered with an error code, or it was
 * never reached (refused, unknown, unreachable). A connection lost mid-exchange is not that.
 */
export function notTaken(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string; message?: string };
  if (typeof e.responseCode === 'number') return true;
  if (['EDNS', 'EENVELOPE'].includes(e.code ?? '')) return true;
  return /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH/.test(e.message ?? '');
}

/** The job: sends every pending mail of a call, one at a time; throws (to be retried) when the server fails. */
export async function sendDecisionMails(ctx: Ctx, callId: number): Promise<void> {
  // One sender per call at a time (a session lock, on a connection of its own, held for the run).
  const client = await ctx.pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`calls.notify.${callId}`]);
    if (!rows[0]?.locked) return;
    try {
      await ctx.db.updateTable('call_notifications').set({ stage: 'unconfirmed', last_error: 'interrupted during the SMTP exchange' })
        .where('call_id', '=', callId).where('stage', '=', 'sending').execute();
      while (await sendNext(ctx, callId));
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`calls.notify.${callId}`]);
    }
  } finally {
    client.release();
  }
}

async function sendNext(ctx: Ctx, callId: number): Promise<boolean> {
  const row = await ctx.db.updateTable('call_notifications').set({ stage: 'sending', attempts: sql`attempts + 1` })
    .where('submission_id', '=', (eb) => eb.selectFrom('call_notifications').select('submission_id')
      .where('call_id', '=', callId).where('stage', '=', 'pending').orderBy('submission_id').limit(1))
    .returningAll().executeTakeFirst();
  if (!row) return false;
  try {
    await ctx.mailer.send({ to: row.to_address, subject: row.subject, text: row.body, headers: { 'Message-ID': row.message_id } });
  } catch (error) {
    const taken = !notTaken(error);
    await ctx.db.updateTable('call_notifications')
      .set({ stage: taken ? 'unconfirmed' : 'pending', last_error: String((error as Error).message).slice(0, 500) })
      .where('submission_id', '=', row.submission_id).execute();
    // A server that refuses one message refuses the next ones too: stop, the job's retry resumes.
    if (!taken) throw error;
    return true;
  }
  await ctx.db.updateTable('call_notifications').set({ stage: 'sent', sent_at: sql`now()`, last_error: null }).where('submission_id', '=', row.submission_id).execute();
  return true;
}

/** How far the sending is: rows per stage. */
export async function notificationProgress(ctx: Pick<AppContext, 'db'>, callId: number) {
  const rows = await ctx.db.selectFrom('call_notifications').select(['stage', sql<number>`count(*)::int`.as('count')])
    .where('call_id', '=', callId).groupBy('stage').execute();
  return Object.fromEntries(rows.map((row) => [row.stage, row.count])) as Partial<Record<'pending' | 'sending' | 'sent' | 'unconfirmed', number>>;
}

export function defineSelectionJobs(ctx: Ctx): void {
  ctx.jobs.define<{ callId: number }>({ name: NOTIFY_JOB, run: (data) => sendDecisionMails(ctx, data.callId), retryLimit: 10, retryDelay: 30 });
}
