import type { Kysely, Transaction } from 'kysely';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { DB } from '../db/types.ts';

/**
 * The secret of a subscriber's preferences and unsubscribe links. Only its SHA-256 is stored
 * (`subscriber_links`), so a copy of the database opens no one's preferences. A message that
 * carries links gets a fresh token (made here, hashed in one statement for a whole batch); every
 * token of a subscriber keeps working until the subscriber starts again after leaving, which
 * ends them all.
 */
type Db = Kysely<DB> | Transaction<DB>;

/** One new token per subscriber id, in the same order. */
export async function mintLinkTokens(db: Db, subscriberIds: readonly number[]): Promise<string[]> {
  if (subscriberIds.length === 0) return [];
  const tokens = subscriberIds.map(() => newToken());
  await db
    .insertInto('subscriber_links')
    .values(subscriberIds.map((subscriber_id, index) => ({ token_hash: hashToken(tokens[index]!), subscriber_id })))
    .execute();
  return tokens;
}

export async function mintLinkToken(db: Db, subscriberId: number): Promise<string> {
  return (await mintLinkTokens(db, [subscriberId]))[0]!;
}

/** The subscriber a link's token belongs to, or undefined. */
export async function subscriberIdOfLink(db: Db, token: string): Promise<number | undefined> {
  const row = await db.selectFrom('subscriber_links').select('subscriber_id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row?.subscriber_id;
}

/** Ends every link of a subscriber (someone who left starts again with new links). */
export async function revokeLinks(db: Db, subscriberId: number): Promise<void> {
  await db.deleteFrom('subscriber_links').where('subscriber_id', '=', subscriberId).execute();
}
