import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { DocumentKind } from './tables.ts';

const PREFIX: Record<DocumentKind, string> = { invoice: 'INV', receipt: 'REC' };

/** "INV-2026-0007": the kind, the year of issue and the number in that year. */
export function documentNumber(document: { kind: DocumentKind; year: number; number: number }): string {
  return `${PREFIX[document.kind]}-${document.year}-${String(document.number).padStart(4, '0')}`;
}

/**
 * Issues an invoice or a receipt for a fee, numbered next in its kind and year. The counter row is
 * taken and incremented by one statement (insert or update under its row lock) in the caller's
 * transaction: a concurrent issuer waits for the commit, and a rollback gives the number back, so
 * numbers never repeat and never skip. A fee has at most one document of each kind.
 * Locks are always taken fee row first, counter second: the document's foreign key needs the fee
 * row, and the other order deadlocks against a payment of the same fee.
 */
export async function issueDocument(trx: Transaction<DB>, feeId: number, kind: DocumentKind, lang: Lang, actorId: number | null, year = new Date().getUTCFullYear()) {
  await trx.selectFrom('fees').select('id').where('id', '=', feeId).forUpdate().executeTakeFirstOrThrow();
  const existing = await trx.selectFrom('fee_documents').select(['id', 'kind', 'year', 'number']).where('fee_id', '=', feeId).where('kind', '=', kind).executeTakeFirst();
  if (existing) return existing;
  const counter = await sql<{ last_number: number }>`
    INSERT INTO fee_document_counters (kind, year, last_number) VALUES (${kind}, ${year}, 1)
    ON CONFLICT (kind, year) DO UPDATE SET last_number = fee_document_counters.last_number + 1
    RETURNING last_number`.execute(trx);
  const number = counter.rows[0]!.last_number;
  return trx
    .insertInto('fee_documents')
    .values({ fee_id: feeId, kind, year, number, lang, issued_by: actorId })
    .returning(['id', 'kind', 'year', 'number'])
    .executeTakeFirstOrThrow();
}
