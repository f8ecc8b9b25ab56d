import type { AppContext } from '../../context.ts';
import { createFeesForYear, markOverdue } from './domain.ts';
import { sendReminders } from './reminders.ts';

export const RENEWAL_JOB = 'fees.renewal';
export const DAILY_JOB = 'fees.daily';

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The daily pass: fees past their due date become overdue, then the reminders due today go out. */
export async function dailyFees(ctx: AppContext, today = todayUtc()) {
  const overdue = await markOverdue(ctx.db, today);
  const reminded = await sendReminders(ctx, today);
  return { overdue, reminded };
}

/** Renewal, run in December: next year's fees from the schedules (idempotent: one fee per member and year). */
export function renewNextYear(ctx: AppContext, today = todayUtc()) {
  return createFeesForYear(ctx, null, Number(today.slice(0, 4)) + 1);
}

export function defineFeeJobs(ctx: AppContext): void {
  ctx.jobs.define({ name: RENEWAL_JOB, run: async () => void (await renewNextYear(ctx)), retryLimit: 3 });
  ctx.jobs.define({ name: DAILY_JOB, run: async () => void (await dailyFees(ctx)), retryLimit: 2 });
}
