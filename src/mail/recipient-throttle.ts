import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';

/**
 * Counts per recipient address, in the `rate_limit_counts` table the request limits use (so the
 * count holds across instances). A key is a scope and the SHA-256 of the address: no address is
 * kept in the clear. Counting in the caller's transaction means a change that rolls back is not
 * counted either.
 */
export function recipientKey(scope: string, address: string): string {
  return `mail:${scope} ${crypto.createHash('sha256').update(address.toLowerCase()).digest('base64url')}`;
}

/** Counts one more attempt for `key` and returns the attempts in the current window, this one included. */
export async function countAttempt(db: Kysely<DB> | Transaction<DB>, key: string, windowMs: number): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    INSERT INTO rate_limit_counts AS r (key, count, expires_at)
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN r.expires_at <= now() THEN 1 ELSE r.count + 1 END,
      expires_at = CASE WHEN r.expires_at <= now() THEN EXCLUDED.expires_at ELSE r.expires_at END
    RETURNING count`.execute(db);
  return rows[0]?.count ?? 1;
}

export interface RecipientLimit {
  /** Messages of this kind to one address… */
  max: number;
  /** …per this many milliseconds. */
  windowMs: number;
}

/** Whether one more message of this kind may go to this address now (and counts it if so, or not). */
export async function mayMail(db: Kysely<DB> | Transaction<DB>, scope: string, address: string, limit: RecipientLimit): Promise<boolean> {
  return (await countAttempt(db, recipientKey(scope, address), limit.windowMs)) <= limit.max;
}
