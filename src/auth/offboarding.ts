import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/types.ts';
import { lockoutReason, type Actor, type Role } from './permissions.ts';

/**
 * Offboarding: deactivating an account, changing its roles, ending its sessions. Every change is
 * written with its audit line in one transaction. Roles are read from `users` on every request
 * (see `userForSession`), so a role change holds from the account's next page, without a new sign-in.
 */

export class AccountChangeRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export interface AccountDetails {
  id: number;
  email: string;
  name: string;
  roles: string[];
  lang: string;
  created_at: Date;
  disabled_at: Date | null;
}

export interface SessionRow {
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export async function accountById(db: Kysely<DB>, id: number): Promise<AccountDetails | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'roles', 'lang', 'created_at', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** The open sessions of an account, newest first: when each started and was last used. */
export async function openSessions(db: Kysely<DB>, userId: number): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute();
}

async function deleteSessionsOf(trx: Transaction<DB>, userId: number): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * No admin can lock themselves out. That also keeps one active admin at all times: only an active
 * admin can deactivate or demote an admin, and never their own account.
 */
function refuseIfLockout(actor: Actor, target: AccountDetails, change: 'deactivate' | 'roles', roles?: readonly string[]) {
  const reason = lockoutReason(actor, target.id, change, roles);
  if (reason) throw new AccountChangeRefused(reason);
}

/** Locks the account's row for the change; null when there is no such account. */
async function lockAccount(trx: Transaction<DB>, id: number): Promise<AccountDetails | null> {
  const row = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'roles', 'lang', 'created_at', 'disabled_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** The account can no longer sign in (password or link) and every session it had ends now. */
export async function deactivateAccount(db: Kysely<DB>, actor: Actor, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const target = await lockAccount(trx, id);
    if (!target) return false;
    refuseIfLockout(actor, target, 'deactivate');
    if (target.disabled_at) return true;
    await trx.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', id).execute();
    const sessionsEnded = await deleteSessionsOf(trx, id);
    // Unused sign-in links mailed before would otherwise outlive the decision.
    await trx.deleteFrom('sign_in_links').where('user_id', '=', id).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'user.deactivate', entityType: 'user', entityId: id, details: { email: target.email, sessionsEnded } });
    return true;
  });
}

export async function reactivateAccount(db: Kysely<DB>, actor: Actor, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const target = await lockAccount(trx, id);
    if (!target) return false;
    if (!target.disabled_at) return true;
    await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', id).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'user.reactivate', entityType: 'user', entityId: id, details: { email: target.email } });
    return true;
  });
}

export async function changeRoles(db: Kysely<DB>, actor: Actor, id: number, roles: Role[]): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const target = await lockAccount(trx, id);
    if (!target) return false;
    refuseIfLockout(actor, target, 'roles', roles);
    const unchanged = roles.length === target.roles.length && roles.every((role) => target.roles.includes(role));
    if (unchanged) return true;
    await trx.updateTable('users').set({ roles }).where('id', '=', id).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'user.roles', entityType: 'user', entityId: id, details: { email: target.email, from: target.roles, to: roles } });
    return true;
  });
}

/**
 * Ends every session of an account: by an admin (`user.sessions_end`) or by the person, "sign out
 * everywhere" (`session.end_all`). Returns how many ended, or null when there is no such account.
 */
export async function endAllSessions(db: Kysely<DB>, actor: Actor, id: number): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const target = await lockAccount(trx, id);
    if (!target) return null;
    const sessionsEnded = await deleteSessionsOf(trx, id);
    const action = actor.id === id ? 'session.end_all' : 'user.sessions_end';
    await recordAudit(trx, { actorId: actor.id, action, entityType: 'user', entityId: id, details: { sessionsEnded } });
    return sessionsEnded;
  });
}
