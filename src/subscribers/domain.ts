import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';

/**
 * The subscriber rules other modules rely on (the newsletter's delivery): who receives what, how a
 * bounce marks an address, which links every message carries. The subscription journey itself
 * (double opt-in, preferences, import) is in subscriptions.ts.
 */

/** Temporary bounces in a row that suspend an address. */
export const BOUNCE_LIMIT = 3;

export interface Recipient {
  id: number;
  email: string;
  lang: Lang;
  topics: string[];
}

/** Active subscribers (confirmed, not unsubscribed nor suspended), by id; with `topics`, those who chose any of them. */
export async function subscribersFor(db: Kysely<DB> | Transaction<DB>, options: { topics?: readonly string[] } = {}): Promise<Recipient[]> {
  let query = db
    .selectFrom('subscribers')
    .select(['id', 'email', 'lang', 'topics'])
    .where('status', '=', 'active');
  if (options.topics?.length) query = query.where(sql<boolean>`topics && ${sql.val([...options.topics])}::text[]`);
  return (await query.orderBy('id').execute()) as Recipient[];
}

export interface BounceResult {
  id: number;
  status: 'pending' | 'active' | 'unsubscribed' | 'suspended';
  bounceCount: number;
}

/**
 * Records a bounce for an address (null when no subscriber has it). A permanent failure suspends
 * the address at once; temporary ones are counted and the BOUNCE_LIMIT-th suspends it. An address
 * that had unsubscribed stays unsubscribed (its choice, not a delivery problem, is what counts).
 */
export async function recordBounce(trx: Transaction<DB> | Kysely<DB>, email: string, permanent: boolean): Promise<BounceResult | null> {
  const row = await trx
    .updateTable('subscribers')
    .set({
      bounce_count: sql`bounce_count + 1`,
      last_bounce_at: new Date(),
      updated_at: new Date(),
      status: sql`CASE WHEN status = 'unsubscribed' THEN status
                       WHEN ${permanent} OR bounce_count + 1 >= ${BOUNCE_LIMIT} THEN 'suspended' ELSE status END`,
      suspended_at: sql`CASE WHEN status <> 'unsubscribed' AND (${permanent} OR bounce_count + 1 >= ${BOUNCE_LIMIT})
                             THEN coalesce(suspended_at, now()) ELSE suspended_at END`,
      suspended_reason: sql`CASE WHEN status <> 'unsubscribed' AND (${permanent} OR bounce_count + 1 >= ${BOUNCE_LIMIT})
                                 THEN coalesce(suspended_reason, CASE WHEN ${permanent} THEN 'bounce_permanent' ELSE 'bounce_repeated' END)
                                 ELSE suspended_reason END`,
    })
    .where('email', '=', email.trim().toLowerCase())
    .returning(['id', 'status', 'bounce_count'])
    .executeTakeFirst();
  return row ? { id: row.id, status: row.status, bounceCount: row.bounce_count } : null;
}

export interface SubscriberLinks {
  /** The preferences page (language, topics, unsubscribe), no sign-in needed. */
  preferences: string;
  /** One-click unsubscribe (RFC 8058): POST `List-Unsubscribe=One-Click` to it; a GET shows a confirm button. */
  unsubscribe: string;
}

/** The links of one message, from a token of `mintLinkTokens` (links.ts). */
export function subscriberLinks(baseUrl: string, subscriber: { lang: string }, linkToken: string): SubscriberLinks {
  const base = `${baseUrl.replace(/\/+$/, '')}/${subscriber.lang}/newsletter`;
  const token = encodeURIComponent(linkToken);
  return { preferences: `${base}/preferences/${token}`, unsubscribe: `${base}/unsubscribe/${token}` };
}

/** The RFC 2369 / RFC 8058 headers every newsletter message carries. */
export function listUnsubscribeHeaders(links: SubscriberLinks): Record<string, string> {
  return { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
