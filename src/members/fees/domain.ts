import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/types.ts';
import { isLang, type Lang } from '../../i18n/langs.ts';
import { activateMember } from '../applications.ts';
import { insertEvent, updateMember } from '../queries.ts';
import { issueDocument } from './numbering.ts';
import type { FeeState, MemberKind } from './tables.ts';
import './tables.ts';

type Ctx = Pick<AppContext, 'db' | 'jobs' | 'config' | 'pageCache'>;
type Db = Kysely<DB> | Transaction<DB>;

/** A rule of the fees broken by a request: the key names it in the reader's language. */
export class FeeError extends Error {
  constructor(readonly field: string, readonly key: string, readonly status = 409) {
    super(key);
  }
}

/** Members who owe a fee each year: approved applicants (their first fee), active and suspended members. */
export const FEE_PAYING_STATUSES = ['applicant', 'active', 'suspended'] as const;
/** The yearly renewal makes the next year's fees due on 31 March of that year. */
export const DEFAULT_DUE = (year: number) => `${year}-03-31`;

export interface ScheduleInput {
  member_kind: MemberKind;
  region: string | null;
  from_year: number;
  to_year: number | null;
  amount_minor: number;
  currency: string;
}

export async function addSchedule(ctx: Ctx, actorId: number, input: ScheduleInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('fee_schedules').values({ ...input, created_by: actorId }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'fee.schedule.add', entityType: 'fee_schedule', entityId: row.id, details: { ...input } });
    return row.id;
  });
}

export function listSchedules(db: Db) {
  return db.selectFrom('fee_schedules').selectAll().orderBy('member_kind').orderBy('from_year', 'desc').orderBy('id').execute();
}

/**
 * The schedule that applies to a member of this kind and region in a year: valid that year, the
 * region's own before the general one, then the one starting latest, then the newest.
 */
export function scheduleFor(db: Db, kind: MemberKind, region: string | null, year: number) {
  return db
    .selectFrom('fee_schedules')
    .selectAll()
    .where('member_kind', '=', kind)
    .where((eb) => eb.or([eb('region', 'is', null), ...(region ? [eb('region', '=', region)] : [])]))
    .where('from_year', '<=', year)
    .where((eb) => eb.or([eb('to_year', 'is', null), eb('to_year', '>=', year)]))
    .orderBy(sql`region IS NULL`)
    .orderBy('from_year', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The member's language for its invoices, receipts and reminders: the language it applied in, else
 * that of its first contact account, else English.
 */
export async function memberLang(db: Db, memberId: number): Promise<Lang> {
  const application = await db.selectFrom('membership_applications').select('lang').where('member_id', '=', memberId).executeTakeFirst();
  if (application && isLang(application.lang)) return application.lang;
  const contact = await db.selectFrom('member_contacts as c').innerJoin('users as u', 'u.id', 'c.user_id').select('u.lang').where('c.member_id', '=', memberId).orderBy('c.created_at').orderBy('u.id').executeTakeFirst();
  return contact && isLang(contact.lang) ? contact.lang : 'en';
}

/**
 * members.fee_status follows the member's latest fee (paid, waived, or pending while due or
 * overdue), so the figures and pages that read it stay right. Without any fee it is left alone.
 */
async function syncFeeStatus(trx: Transaction<DB>, memberId: number) {
  const latest = await trx.selectFrom('fees').select('state').where('member_id', '=', memberId).orderBy('year', 'desc').executeTakeFirst();
  if (!latest) return;
  const status = latest.state === 'paid' || latest.state === 'waived' ? latest.state : 'pending';
  await trx.updateTable('members').set({ fee_status: status }).where('id', '=', memberId).where((eb) => eb('fee_status', 'is', null).or('fee_status', '<>', status)).execute();
}

/**
 * The year's fees (renewal): one per fee-paying member that has none for the year and whose kind
 * has a schedule, each with its invoice in the member's language. Run again, it creates nothing
 * more (one fee per member and year), so the yearly job and the back-office button are idempotent.
 */
export async function createFeesForYear(ctx: Ctx, actorId: number | null, year: number, dueOn = DEFAULT_DUE(year)): Promise<{ created: number; withoutSchedule: number }> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const members = await trx
      .selectFrom('members')
      .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
      .select(['members.id', 'members.kind', 'o.region'])
      .where('members.status', 'in', [...FEE_PAYING_STATUSES])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('fees').select('fees.id').whereRef('fees.member_id', '=', 'members.id').where('fees.year', '=', year))))
      .orderBy('members.id')
      .forUpdate('members')
      .execute();
    let created = 0;
    let withoutSchedule = 0;
    for (const member of members) {
      const schedule = await scheduleFor(trx, member.kind, member.region, year);
      if (!schedule) {
        withoutSchedule++;
        continue;
      }
      const fee = await trx
        .insertInto('fees')
        .values({ member_id: member.id, year, schedule_id: schedule.id, amount_minor: Number(schedule.amount_minor), currency: schedule.currency, due_on: dueOn })
        .onConflict((oc) => oc.columns(['member_id', 'year']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!fee) continue;
      await issueDocument(trx, fee.id, 'invoice', await memberLang(trx, member.id), actorId);
      await syncFeeStatus(trx, member.id);
      created++;
    }
    await recordAudit(trx, { actorId, action: 'fee.renewal', entityType: 'fees', entityId: year, details: { year, dueOn, created, withoutSchedule } });
    return { created, withoutSchedule };
  });
  return result;
}

async function lockedFee(trx: Transaction<DB>, memberId: number, feeId: number) {
  const fee = await trx.selectFrom('fees').selectAll().where('id', '=', feeId).where('member_id', '=', memberId).forUpdate().executeTakeFirst();
  if (!fee) throw new FeeError('_form', 'fees.error.not_found', 404);
  return fee;
}

/**
 * A transfer received: the fee is paid on that date with the bank's reference, a receipt is issued
 * in the member's language, and an approved applicant becomes active (approval before payment).
 */
export async function recordPayment(ctx: Ctx, actorId: number, memberId: number, feeId: number, input: { paid_on: string; reference: string }) {
  const receipt = await ctx.db.transaction().execute(async (trx) => {
    const fee = await lockedFee(trx, memberId, feeId);
    if (fee.state === 'paid') throw new FeeError('_form', 'fees.error.already_paid');
    if (fee.state === 'waived') throw new FeeError('_form', 'fees.error.already_waived');
    await trx.updateTable('fees').set({ state: 'paid', paid_on: input.paid_on, payment_reference: input.reference, updated_at: new Date() }).where('id', '=', fee.id).execute();
    const document = await issueDocument(trx, fee.id, 'receipt', await memberLang(trx, memberId), actorId);
    await settled(trx, ctx, actorId, memberId, fee.id, 'paid', input.reference);
    return document;
  });
  await ctx.pageCache.invalidate();
  return receipt;
}

/** The secretariat waives a fee that is not paid, with the reason; no receipt is issued. */
export async function waiveFee(ctx: Ctx, actorId: number, memberId: number, feeId: number, reason: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const fee = await lockedFee(trx, memberId, feeId);
    if (fee.state === 'paid') throw new FeeError('_form', 'fees.error.waive_paid');
    if (fee.state === 'waived') throw new FeeError('_form', 'fees.error.already_waived');
    await trx.updateTable('fees').set({ state: 'waived', waived_reason: reason, updated_at: new Date() }).where('id', '=', fee.id).execute();
    await settled(trx, ctx, actorId, memberId, fee.id, 'waived', reason);
  });
  await ctx.pageCache.invalidate();
}

async function settled(trx: Transaction<DB>, ctx: Ctx, actorId: number, memberId: number, feeId: number, state: 'paid' | 'waived', note: string) {
  await syncFeeStatus(trx, memberId);
  await insertEvent(trx, { memberId, action: `fee_${state}`, reason: note, actorId });
  await recordAudit(trx, { actorId, action: `fee.${state}`, entityType: 'fee', entityId: feeId, details: { memberId } });
  await activateMember(trx, ctx, memberId, actorId);
}

/** Fees still due whose due date has passed become overdue (the daily job). Returns how many. */
export async function markOverdue(db: Kysely<DB>, today: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable('fees').set({ state: 'overdue', updated_at: new Date() }).where('state', '=', 'due').where('due_on', '<', today).returning('member_id').execute();
    for (const memberId of new Set(rows.map((row) => row.member_id))) await syncFeeStatus(trx, memberId);
    return rows.length;
  });
}

export function countOverdue(db: Db): Promise<number> {
  return db.selectFrom('fees').select((eb) => eb.fn.countAll<string>().as('n')).where('state', '=', 'overdue').executeTakeFirstOrThrow().then((row) => Number(row.n));
}

/** A member's fees, newest year first, with their documents. */
export async function feeHistory(db: Db, memberId: number) {
  const fees = await db.selectFrom('fees').selectAll().where('member_id', '=', memberId).orderBy('year', 'desc').execute();
  const documents = fees.length === 0 ? [] : await db.selectFrom('fee_documents').select(['id', 'fee_id', 'kind', 'year', 'number', 'lang', 'issued_at']).where('fee_id', 'in', fees.map((fee) => fee.id)).orderBy('id').execute();
  return fees.map((fee) => ({ ...fee, amount_minor: Number(fee.amount_minor), documents: documents.filter((document) => document.fee_id === fee.id) }));
}
export type FeeWithDocuments = Awaited<ReturnType<typeof feeHistory>>[number];

/** The fees of a year, with member and state, for the back-office list. */
export function feesOfYear(db: Db, year: number, state?: FeeState) {
  let query = db
    .selectFrom('fees')
    .innerJoin('members', 'members.id', 'fees.member_id')
    .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
    .select(['fees.id', 'fees.year', 'fees.amount_minor', 'fees.currency', 'fees.due_on', 'fees.state', 'fees.paid_on', 'members.slug', 'o.name'])
    .where('fees.year', '=', year);
  if (state) query = query.where('fees.state', '=', state);
  return query.orderBy('members.slug').execute();
}
