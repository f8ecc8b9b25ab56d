import { z } from 'zod';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import { noticeStaff } from '../notices/domain.ts';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/types.ts';
import { recordBounce } from '../subscribers/domain.ts';
import { fields } from '../web/forms.ts';
import { HttpError } from '../web/http-error.ts';

/** A bounce notification, as a mail server's hook or a bounce processor posts it. */
export const bounceInput = z.object({
  email: fields.email(),
  type: z.enum(['permanent', 'temporary'], { error: 'validation.newsletter_bounce_type' }),
  messageId: z.string({ error: 'validation.invalid' }).max(300, { error: 'validation.too_long' }).optional(),
});
export type BounceInput = z.output<typeof bounceInput>;

/**
 * Marks the delivery bounced (the one with that Message-ID, else the address's latest) and counts
 * the bounce on the subscriber: permanent suspends at once, repeated temporary ones suspend too.
 */
export async function recordDeliveryBounce(ctx: Pick<AppContext, 'db' | 'jobs' | 'config'>, input: BounceInput) {
  return ctx.db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('newsletter_deliveries').select(['id', 'issue_id']).where('email', '=', input.email);
    if (input.messageId) query = query.where('message_id', '=', input.messageId.trim());
    const delivery = await query.orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (input.messageId && !delivery) throw new HttpError(404, 'newsletter.error.unknown_message', { messageId: 'newsletter.error.unknown_message' });
    const subscriber = await recordBounce(trx, input.email, input.type === 'permanent');
    if (!subscriber && !delivery) throw new HttpError(404, 'newsletter.error.unknown_address', { email: 'newsletter.error.unknown_address' });
    if (delivery) {
      await trx.updateTable('newsletter_deliveries').set({ status: 'bounced', last_error: `bounce: ${input.type}` }).where('id', '=', delivery.id).execute();
      await noticeBounceSpike(trx, ctx, delivery.issue_id);
    }
    await recordAudit(trx, { actorId: null, action: 'newsletter.bounce', entityType: 'newsletter_delivery', entityId: delivery?.id ?? null, details: { type: input.type } });
    return { delivery: delivery?.id ?? null, subscriberStatus: subscriber?.status ?? null, bounceCount: subscriber?.bounceCount ?? null };
  });
}

/** Bounces of one issue that make a spike: this many, or this share of its deliveries if more. */
export const BOUNCE_SPIKE = { count: 10, share: 0.05 };

/** Staff are told once per issue, when its bounces reach a spike (a bad list, a blocked sender). */
async function noticeBounceSpike(trx: Transaction<DB>, ctx: Pick<AppContext, 'jobs' | 'config'>, issueId: number) {
  const path = `/admin/newsletter/${issueId}`;
  const { rows } = await sql<{ bounced: number; total: number; told: boolean }>`
    SELECT count(*) FILTER (WHERE status = 'bounced')::int AS bounced, count(*)::int AS total,
      EXISTS (SELECT 1 FROM staff_notices WHERE event = 'newsletter.bounces' AND path = ${path}) AS told
    FROM newsletter_deliveries WHERE issue_id = ${issueId}`.execute(trx);
  const { bounced, total, told } = rows[0]!;
  if (told || bounced < Math.max(BOUNCE_SPIKE.count, Math.ceil(total * BOUNCE_SPIKE.share))) return;
  await noticeStaff(trx, ctx, 'newsletter.bounces', { subject: `${bounced} / ${total}`, path });
}
