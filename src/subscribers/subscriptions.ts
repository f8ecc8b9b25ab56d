import type { Kysely, Transaction } from 'kysely';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import type { Consent, DB } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { queueMail } from '../mail/outbox.ts';
import { countAttempt, mayMail, recipientKey } from '../mail/recipient-throttle.ts';
import { HttpError } from '../web/http-error.ts';
import { ALREADY_REMINDER_LIMIT, CONFIRM_HOURS, MAX_CONFIRM_SENDS, RESEND_AFTER_MS, RESEND_WINDOW_MS } from './constants.ts';
import { subscriberLinks } from './domain.ts';
import { mintLinkToken, revokeLinks, subscriberIdOfLink } from './links.ts';
import { alreadySubscribedMail, confirmationMail } from './mails.ts';

/**
 * The subscription journey: a request (double opt-in mail), its confirmation, the preferences page
 * and the unsubscribe link. Answers never tell whether an address is on the list (a request for an
 * active address sends that address a reminder with its preferences link instead of saying so).
 */
type Ctx = Pick<AppContext, 'db' | 'jobs' | 'config'>;


export interface SubscribeRequest {
  email: string;
  lang: Lang;
  topics: string[];
  consent: Omit<Consent, 'at'>;
}

export async function requestSubscription(ctx: Ctx, input: SubscribeRequest): Promise<void> {
  // Two first requests for one address at the same instant: the unique e-mail decides, the loser has nothing to do.
  await insertRequest(ctx, input).catch((error: { code?: string }) => {
    if (error.code !== '23505') throw error;
  });
}

async function insertRequest(ctx: Ctx, input: SubscribeRequest): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    // Every request starts the address's resend cool-down, whether or not the address is on the list.
    await countAttempt(trx, recipientKey('subscribers.resend', input.email), RESEND_AFTER_MS);
    const existing = await trx.selectFrom('subscribers').selectAll().where('email', '=', input.email).forUpdate().executeTakeFirst();
    if (existing?.status === 'active') {
      // Confirmed already: remind them where their preferences are, change nothing; and not more
      // than once an hour, so the form cannot be used to flood a subscriber's mailbox.
      if (await mayMail(trx, 'subscribers.already', existing.email, ALREADY_REMINDER_LIMIT)) {
        const links = subscriberLinks(ctx.config.baseUrl, existing, await mintLinkToken(trx, existing.id));
        await queueMail(trx, ctx.jobs, 'subscribers.already', alreadySubscribedMail(existing.email, existing.lang as Lang, links));
      }
      return;
    }
    // A second click on the form: the first mail is on its way, and the answer is the same.
    if (existing?.status === 'pending' && (tooSoon(existing.confirm_sent_at) || existing.confirm_sends >= MAX_CONFIRM_SENDS)) return;
    const token = newToken();
    const consent = JSON.stringify({ ...input.consent, at: new Date().toISOString() });
    const values = {
      lang: input.lang,
      topics: input.topics,
      status: 'pending' as const,
      confirm_token_hash: hashToken(token),
      confirm_sent_at: new Date(),
      consent,
      updated_at: new Date(),
    };
    if (existing) {
      // Someone who left (or bounced) starts again: old mails' links stop working.
      if (existing.status !== 'pending') await revokeLinks(trx, existing.id);
      await trx
        .updateTable('subscribers')
        .set({ ...values, confirm_sends: existing.status === 'pending' ? existing.confirm_sends + 1 : 1, unsubscribed_at: null, suspended_at: null, suspended_reason: null, bounce_count: 0 })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx.insertInto('subscribers').values({ email: input.email, confirm_sends: 1, ...values }).execute();
    }
    await queueMail(trx, ctx.jobs, 'subscribers.confirm', confirmationMail(input.email, input.lang, confirmUrl(ctx.config.baseUrl, input.lang, token)));
  });
}

const tooSoon = (sentAt: Date | null) => sentAt !== null && Date.now() - sentAt.getTime() < RESEND_AFTER_MS;

const confirmUrl = (baseUrl: string, lang: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/${lang}/newsletter/confirm/${token}`;

/**
 * Sends the confirmation again, with a new link (the previous one stops working). Whether the answer
 * is a 429 depends only on the requests made for this address (subscribe or resend), counted in
 * PostgreSQL for every address alike: unknown, confirmed and pending addresses get the same answers,
 * and only a pending one is sent anything.
 */
export async function resendConfirmation(ctx: Ctx, email: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    // A refused request throws, so the transaction (and its counting) rolls back: only sends count.
    if ((await countAttempt(trx, recipientKey('subscribers.resend', email), RESEND_AFTER_MS)) > 1) throw new HttpError(429, 'subscribers.error.too_soon');
    if ((await countAttempt(trx, recipientKey('subscribers.resend.day', email), RESEND_WINDOW_MS)) > MAX_CONFIRM_SENDS) throw new HttpError(429, 'subscribers.error.too_many');
    const row = await trx.selectFrom('subscribers').selectAll().where('email', '=', email).where('status', '=', 'pending').forUpdate().executeTakeFirst();
    // Nothing to send, or the request's own limits reached: the same answer as a sent one.
    if (!row || tooSoon(row.confirm_sent_at) || row.confirm_sends >= MAX_CONFIRM_SENDS) return;
    const token = newToken();
    await trx
      .updateTable('subscribers')
      .set({ confirm_token_hash: hashToken(token), confirm_sent_at: new Date(), confirm_sends: row.confirm_sends + 1, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    await queueMail(trx, ctx.jobs, 'subscribers.confirm', confirmationMail(row.email, row.lang as Lang, confirmUrl(ctx.config.baseUrl, row.lang, token)));
  });
}

/** A pending subscription by its confirmation token; unknown, used or expired tokens are 4xx errors. */
export async function pendingByToken(db: Kysely<DB> | Transaction<DB>, token: string, lock = false) {
  let query = db.selectFrom('subscribers').select(['id', 'email', 'lang', 'topics', 'confirm_sent_at']).where('confirm_token_hash', '=', hashToken(token)).where('status', '=', 'pending');
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new HttpError(404, 'subscribers.error.link_invalid');
  if (!row.confirm_sent_at || Date.now() - row.confirm_sent_at.getTime() > CONFIRM_HOURS * 3600_000) throw new HttpError(410, 'subscribers.error.link_expired');
  return row;
}

/** Confirms a subscription; the token is cleared in the same statement, so it works once. */
export async function confirmSubscription(db: Kysely<DB>, token: string) {
  return db.transaction().execute(async (trx) => {
    const row = await pendingByToken(trx, token, true);
    await trx
      .updateTable('subscribers')
      .set({ status: 'active', confirmed_at: new Date(), confirm_token_hash: null, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    // The confirmation page shows the preferences link: a token of its own.
    return { ...row, linkToken: await mintLinkToken(trx, row.id) };
  });
}

/** The subscriber behind a preferences or unsubscribe link (only the token's hash is stored). */
export async function subscriberByPreferencesToken(db: Kysely<DB>, token: string) {
  const id = await subscriberIdOfLink(db, token);
  const row = id === undefined ? undefined : await db
    .selectFrom('subscribers')
    .select(['id', 'email', 'lang', 'topics', 'status', 'confirmed_at', 'unsubscribed_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'subscribers.error.link_invalid');
  return row;
}

export async function updatePreferences(db: Kysely<DB>, token: string, input: { lang: Lang; topics: string[] }) {
  const row = await subscriberByPreferencesToken(db, token);
  if (row.status === 'unsubscribed') throw new HttpError(409, 'subscribers.error.unsubscribed');
  await db.updateTable('subscribers').set({ lang: input.lang, topics: input.topics, updated_at: new Date() }).where('id', '=', row.id).execute();
}

/** Unsubscribes; doing it again changes nothing (a mail client may post twice). */
export async function unsubscribe(db: Kysely<DB>, token: string): Promise<{ already: boolean }> {
  const row = await subscriberByPreferencesToken(db, token);
  if (row.status === 'unsubscribed') return { already: true };
  await db
    .updateTable('subscribers')
    .set({ status: 'unsubscribed', unsubscribed_at: new Date(), confirm_token_hash: null, updated_at: new Date() })
    .where('id', '=', row.id)
    .where('status', '<>', 'unsubscribed')
    .execute();
  return { already: false };
}
