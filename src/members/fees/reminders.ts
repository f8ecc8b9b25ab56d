import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/types.ts';
import { translator } from '../../i18n/i18n.ts';
import { textOf } from '../../i18n/translatable.ts';
import { queueMail } from '../../mail/outbox.ts';
import { memberLang } from './domain.ts';
import { formatAmount } from './money.ts';
import { documentNumber } from './numbering.ts';

type Ctx = Pick<AppContext, 'db' | 'jobs' | 'config'>;

/** The first reminder goes this many days before the due date, the second this many after it. */
export const REMIND_BEFORE_DAYS = 14;
export const REMIND_AFTER_DAYS = 7;

/** Where a member's mail goes: its contacts' accounts and the focal point on its record, once each. */
async function recipientsOf(trx: Transaction<DB>, memberId: number): Promise<string[]> {
  const accounts = await trx.selectFrom('member_contacts as c').innerJoin('users as u', 'u.id', 'c.user_id').select('u.email').where('c.member_id', '=', memberId).where('u.disabled_at', 'is', null).orderBy('u.email').execute();
  const member = await trx.selectFrom('members').select('contacts').where('id', '=', memberId).executeTakeFirstOrThrow();
  const focal = member.contacts.focal?.email;
  return [...new Set([...accounts.map((row) => row.email), ...(focal ? [focal.toLowerCase()] : [])])];
}

/**
 * Mails the reminders that are due today: before the due date for fees still due, after it for
 * overdue ones. Each (fee, stage) is recorded in the transaction that queues its mails, so a
 * reminder goes once however often the job runs. A member nobody can be mailed at is skipped.
 */
export async function sendReminders(ctx: Ctx, today: string): Promise<number> {
  const candidates = await ctx.db
    .selectFrom('fees')
    .select(['fees.id', sql<'before' | 'after'>`CASE WHEN fees.state = 'due' THEN 'before' ELSE 'after' END`.as('stage')])
    .where((eb) => eb.or([
      eb.and([eb('fees.state', '=', 'due'), eb('fees.due_on', '>=', today), eb(sql`fees.due_on - ${REMIND_BEFORE_DAYS}::int`, '<=', sql`${today}::date`)]),
      eb.and([eb('fees.state', '=', 'overdue'), eb(sql`fees.due_on + ${REMIND_AFTER_DAYS}::int`, '<=', sql`${today}::date`)]),
    ]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fee_reminders as r').select('r.fee_id').whereRef('r.fee_id', '=', 'fees.id').where('r.stage', '=', sql<'before' | 'after'>`CASE WHEN fees.state = 'due' THEN 'before' ELSE 'after' END`))))
    .orderBy('fees.id')
    .execute();
  let sent = 0;
  for (const candidate of candidates) if (await remind(ctx, candidate.id, candidate.stage)) sent++;
  return sent;
}

async function remind(ctx: Ctx, feeId: number, stage: 'before' | 'after'): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const fee = await trx
      .selectFrom('fees')
      .innerJoin('members', 'members.id', 'fees.member_id')
      .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
      .select(['fees.id', 'fees.member_id', 'fees.year', 'fees.amount_minor', 'fees.currency', 'fees.due_on', 'fees.state', 'members.slug', 'o.name'])
      .where('fees.id', '=', feeId)
      .forUpdate('fees')
      .executeTakeFirst();
    if (!fee || (stage === 'before' ? fee.state !== 'due' : fee.state !== 'overdue')) return false;
    const recipients = await recipientsOf(trx, fee.member_id);
    if (recipients.length === 0) return false;
    const recorded = await trx.insertInto('fee_reminders').values({ fee_id: fee.id, stage }).onConflict((oc) => oc.doNothing()).returning('fee_id').executeTakeFirst();
    if (!recorded) return false;
    const lang = await memberLang(trx, fee.member_id);
    const t = translator(lang);
    const invoice = await trx.selectFrom('fee_documents').select(['kind', 'year', 'number']).where('fee_id', '=', fee.id).where('kind', '=', 'invoice').executeTakeFirst();
    const params = {
      organisation: textOf(fee.name, lang),
      year: String(fee.year),
      amount: formatAmount(Number(fee.amount_minor), fee.currency, lang),
      due: t.date(fee.due_on, 'long'),
      invoice: invoice ? documentNumber(invoice) : '—',
      link: `${ctx.config.baseUrl}/${lang}/my-member/${fee.slug}/fees`,
    };
    for (const to of recipients) {
      await queueMail(trx, ctx.jobs, `fees.reminder.${stage}`, { to, subject: t(`fees.mail.${stage}.subject`, params), text: t(`fees.mail.${stage}.body`, params) });
    }
    return true;
  });
}
