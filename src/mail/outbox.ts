import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { OutgoingMessage } from './mailer.ts';

export const DELIVER_MAIL = 'mail.deliver';

/**
 * Records a message and schedules its delivery in the caller's transaction: the message is sent
 * if and only if the change that caused it is committed.
 */
export async function queueMail(
  trx: Transaction<DB>,
  jobs: JobQueue,
  purpose: string,
  message: OutgoingMessage,
): Promise<number> {
  const { id } = await trx
    .insertInto('outgoing_mail')
    .values({
      purpose,
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html ?? null,
      headers: JSON.stringify(message.headers ?? {}),
      attachments: JSON.stringify(message.attachments ?? []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await jobs.send(DELIVER_MAIL, { mailId: id }, { trx });
  return id;
}

/**
 * Delivers one recorded message. Idempotent: a message already sent is skipped, and the row lock
 * keeps two workers from sending the same message at once.
 */
export async function deliverMail(ctx: Pick<AppContext, 'db' | 'mailer'>, mailId: number): Promise<void> {
  const failure = await ctx.db.transaction().execute(async (trx) => {
    const mail = await trx
      .selectFrom('outgoing_mail')
      .selectAll()
      .where('id', '=', mailId)
      .where('sent_at', 'is', null)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!mail) return null;
    const sent = await ctx.mailer
      .send({
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body ?? undefined,
        headers: mail.headers,
        attachments: mail.attachments,
      })
      .then(() => null, (error: Error) => error);
    await trx
      .updateTable('outgoing_mail')
      .set(sent === null
        ? { sent_at: new Date(), attempts: sql`attempts + 1`, last_error: null }
        : { attempts: sql`attempts + 1`, last_error: sent.message.slice(0, 500) })
      .where('id', '=', mailId)
      .execute();
    return sent;
  });
  // Thrown after the attempt is recorded, so the job queue retries it with backoff.
  if (failure) throw failure;
}
