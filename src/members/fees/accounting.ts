import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { Lang } from '../../i18n/langs.ts';
import { textOf } from '../../i18n/translatable.ts';
import { decimalAmount } from './money.ts';
import { documentNumber } from './numbering.ts';
import './tables.ts';

/** The accounting export's columns: stable English names, one row per fee of the year. */
export const ACCOUNTING_COLUMNS = ['invoice', 'receipt', 'member', 'member_name', 'year', 'amount', 'currency', 'due_on', 'state', 'paid_on', 'payment_reference', 'waived_reason'];

/** Fees of a year with their invoice and receipt numbers; amounts as plain decimals in the currency's units. */
export async function accountingRows(db: Kysely<DB>, year: number, lang: Lang) {
  const fees = await db
    .selectFrom('fees')
    .innerJoin('members', 'members.id', 'fees.member_id')
    .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
    .select(['fees.id', 'fees.year', 'fees.amount_minor', 'fees.currency', 'fees.due_on', 'fees.state', 'fees.paid_on', 'fees.payment_reference', 'fees.waived_reason', 'members.slug', 'o.name'])
    .where('fees.year', '=', year)
    .orderBy('fees.id')
    .execute();
  const documents = fees.length === 0 ? [] : await db.selectFrom('fee_documents').select(['fee_id', 'kind', 'year', 'number']).where('fee_id', 'in', fees.map((fee) => fee.id)).execute();
  const numberOf = (feeId: number, kind: 'invoice' | 'receipt') => {
    const document = documents.find((row) => row.fee_id === feeId && row.kind === kind);
    return document ? documentNumber(document) : '';
  };
  return fees.map((fee) => ({
    invoice: numberOf(fee.id, 'invoice'),
    receipt: numberOf(fee.id, 'receipt'),
    member: fee.slug,
    member_name: textOf(fee.name, lang),
    year: fee.year,
    amount: decimalAmount(Number(fee.amount_minor), fee.currency),
    currency: fee.currency,
    due_on: fee.due_on,
    state: fee.state,
    paid_on: fee.paid_on,
    payment_reference: fee.payment_reference,
    waived_reason: fee.waived_reason,
  }));
}
