import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';

/**
 * Limits on the public application form, which anyone may use without an account: each draft holds
 * at most MAX_DOCUMENTS documents of 5 MB (forms.ts); one address starts at most DRAFTS_PER_DAY
 * drafts and uploads at most BYTES_PER_DAY in a day; a draft nobody touched for DRAFT_LIFETIME_DAYS
 * is deleted with its files. Counted in PostgreSQL, so the quota holds across instances.
 */
export const DRAFTS_PER_DAY = 5;
export const BYTES_PER_DAY = 50 * 1024 * 1024;
export const DRAFT_LIFETIME_DAYS = 30;
export const EXPIRE_DRAFTS_JOB = 'members.drafts.expire';

export class QuotaError extends Error {}

/** The address a draft came from, as stored: its SHA-256 (the quota needs to match, not to read it). */
export function addressKey(address: string): string {
  return crypto.createHash('sha256').update(`passerelle-draft:${address}`).digest('hex');
}

async function usage(db: Kysely<DB> | Transaction<DB>, key: string) {
  const row = await db
    .selectFrom('membership_applications as a')
    .select([
      sql<number>`count(*) FILTER (WHERE a.created_at > now() - interval '1 day')::int`.as('drafts'),
      sql<number>`coalesce((SELECT sum(d.size) FROM application_documents d JOIN membership_applications b ON b.id = d.application_id
        WHERE b.created_from = ${key} AND d.created_at > now() - interval '1 day'), 0)::bigint`.as('bytes'),
    ])
    .where('a.created_from', '=', key)
    .executeTakeFirstOrThrow();
  return { drafts: Number(row.drafts), bytes: Number(row.bytes) };
}

/** True when this address may not start another draft or upload anything more today. */
export async function quotaReached(db: Kysely<DB>, key: string, newDraft: boolean): Promise<boolean> {
  const used = await usage(db, key);
  return used.bytes >= BYTES_PER_DAY || (newDraft && used.drafts >= DRAFTS_PER_DAY);
}

/**
 * Inside the saving transaction: serialises the address's saves (advisory lock) and refuses one
 * that would pass a quota, so parallel requests cannot each slip under it.
 */
export async function claimQuota(trx: Transaction<DB>, key: string, { newDraft, bytes }: { newDraft: boolean; bytes: number }): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(6100, hashtext(${key}))`.execute(trx);
  const used = await usage(trx, key);
  if ((newDraft && used.drafts >= DRAFTS_PER_DAY) || used.bytes + bytes > BYTES_PER_DAY) throw new QuotaError('quota');
}

/**
 * The `members.drafts.expire` job: drafts untouched for DRAFT_LIFETIME_DAYS go, with their
 * documents, and then their stored files (after the commit: a rollback must not lose a kept file's
 * bytes; a file whose deletion fails is left to the sweep of unreferenced files).
 */
export async function expireAbandonedDrafts(ctx: Pick<AppContext, 'db' | 'files'>, lifetimeDays = DRAFT_LIFETIME_DAYS): Promise<number> {
  const keys = await ctx.db.transaction().execute(async (trx) => {
    const drafts = await trx
      .selectFrom('membership_applications')
      .select('id')
      .where('status', '=', 'draft')
      .where('updated_at', '<', sql<Date>`now() - make_interval(days => ${lifetimeDays})`)
      .limit(500)
      .forUpdate()
      .skipLocked()
      .execute();
    const ids = drafts.map((draft) => draft.id);
    if (ids.length === 0) return [];
    const documents = await trx.selectFrom('application_documents').select('file_key').where('application_id', 'in', ids).execute();
    await trx.updateTable('membership_applications').set({ duplicate_application_id: null }).where('duplicate_application_id', 'in', ids).execute();
    await trx.deleteFrom('membership_events').where('application_id', 'in', ids).execute();
    await trx.deleteFrom('membership_applications').where('id', 'in', ids).execute();
    return documents.map((document) => document.file_key);
  });
  for (const key of keys) await ctx.files.delete(key).catch(() => {});
  return keys.length;
}
