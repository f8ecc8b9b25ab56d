import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext, SessionUser } from '../context.ts';
import type { DB } from '../db/types.ts';
import { translator, type Lang } from '../i18n/i18n.ts';
import { queueMail } from '../mail/outbox.ts';
import { mayMail } from '../mail/recipient-throttle.ts';
import type { NewUser } from './forms.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_DAYS = 30;
export const SIGN_IN_LINK_MINUTES = 20;
const DAY = 24 * 60 * 60 * 1000;
// Verified when no account matches, so that a wrong e-mail costs as long as a wrong password.
const DUMMY_HASH = hashPassword('not a real password, only spends time');

export class DuplicateEmailError extends Error {}

export async function addUser(db: Kysely<DB>, input: NewUser, actorId: number | null): Promise<number> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute((trx) => insertUser(trx, input, passwordHash, actorId));
}

/** The inside of `addUser`, for a caller that creates the account within its own transaction. */
export async function insertUser(trx: Transaction<DB>, input: Omit<NewUser, 'password'>, passwordHash: string | null, actorId: number | null): Promise<number> {
  const existing = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing) throw new DuplicateEmailError(input.email);
  const { id } = await trx
    .insertInto('users')
    .values({ email: input.email, name: input.name, roles: input.roles, lang: input.lang, password_hash: passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, { actorId, action: 'user.create', entityType: 'user', entityId: id, details: { email: input.email, roles: input.roles } });
  return id;
}

export async function checkPassword(db: Kysely<DB>, email: string, password: string): Promise<number | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('email', '=', email)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user?.password_hash) {
    await verifyPassword(await DUMMY_HASH, password);
    return null;
  }
  return (await verifyPassword(user.password_hash, password)) ? user.id : null;
}

export async function startSession(db: Kysely<DB>, userId: number, method: 'password' | 'link'): Promise<string> {
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({ token_hash: hashToken(token), user_id: userId, expires_at: new Date(Date.now() + SESSION_DAYS * DAY) })
      .execute();
    await recordAudit(trx, { actorId: userId, action: 'session.start', entityType: 'user', entityId: userId, details: { method } });
  });
  return token;
}

export async function userForSession(db: Kysely<DB>, token: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.roles', 'users.lang', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // Sliding expiry, written at most once an hour to keep page views read-only.
  if (Date.now() - row.last_seen_at.getTime() > 60 * 60 * 1000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_DAYS * DAY) })
      .where('token_hash', '=', hashToken(token))
      .execute();
  }
  return { id: row.id, email: row.email, name: row.name, roles: row.roles, lang: row.lang };
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export const SIGN_IN_LINK_JOB = 'auth.sign-in-link';
/** Sign-in links mailed to one address: enough for a person, too few to flood a mailbox. */
export const SIGN_IN_LINK_LIMIT = { max: 5, windowMs: 3600_000 };

/**
 * A request for a sign-in link only enqueues a job, with the same data and the same work whether
 * or not an account uses the address: the answer, its content and its time say nothing about who
 * has an account. The job (`sendSignInLink`) looks the account up, away from the request.
 */
export async function requestSignInLink(ctx: Pick<AppContext, 'jobs'>, email: string, lang: Lang): Promise<void> {
  await ctx.jobs.send(SIGN_IN_LINK_JOB, { email, lang });
}

/** E-mails a one-time sign-in link if an active account has this address (within the address's mail limit). */
export async function sendSignInLink(ctx: Pick<AppContext, 'db' | 'jobs' | 'config'>, email: string, lang: Lang): Promise<void> {
  await ctx.db.transaction().execute((trx) => queueSignInLink(trx, ctx, email, lang));
}

/** The inside of `sendSignInLink`: the link and its mail are written by the caller's transaction. */
export async function queueSignInLink(trx: Transaction<DB>, ctx: Pick<AppContext, 'jobs' | 'config'>, email: string, lang: Lang): Promise<void> {
  const user = await trx.selectFrom('users').select(['id', 'lang']).where('email', '=', email).where('disabled_at', 'is', null).executeTakeFirst();
  if (!user) return;
  if (!(await mayMail(trx, 'sign-in-link', email, SIGN_IN_LINK_LIMIT))) return;
  const token = newToken();
  const t = translator(lang);
  const link = `${ctx.config.baseUrl}/${lang}/sign-in/link/${token}`;
  await trx
    .insertInto('sign_in_links')
    .values({ token_hash: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000) })
    .execute();
  await queueMail(trx, ctx.jobs, 'sign-in-link', {
    to: email,
    subject: t('mail.sign_in.subject'),
    text: t('mail.sign_in.body', { link, minutes: SIGN_IN_LINK_MINUTES }),
  });
}

/** Uses up a sign-in link: returns its account once, then never again. */
export async function consumeSignInLink(db: Kysely<DB>, token: string): Promise<number | null> {
  const used = await db
    .updateTable('sign_in_links')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    // A deactivated account's links are deleted with it; this also covers a link racing the deactivation.
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('users').select('users.id').whereRef('users.id', '=', 'sign_in_links.user_id').where('users.disabled_at', 'is', null)),
    )
    .returning('user_id')
    .executeTakeFirst();
  return used?.user_id ?? null;
}

export async function deleteExpiredSessions(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  await db.deleteFrom('sign_in_links').where('expires_at', '<', new Date(Date.now() - DAY)).execute();
}
