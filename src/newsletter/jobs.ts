import type { AppContext } from '../context.ts';
import { resumeSending, RESUME_JOB, runScheduled, sendIssue, SEND_JOB, START_JOB } from './delivery.ts';

/** The newsletter's jobs, defined by the composition root. */
export function defineNewsletterJobs(ctx: AppContext): void {
  // Retries are the sender's own (per message); a failed run is picked up again by the resume job.
  ctx.jobs.define<{ issueId: number }>({ name: SEND_JOB, run: (data) => sendIssue(ctx, data.issueId), retryLimit: 3, retryDelay: 10 });
  ctx.jobs.define<{ issueId: number }>({ name: START_JOB, run: (data) => runScheduled(ctx, data.issueId) });
  ctx.jobs.define({ name: RESUME_JOB, run: () => resumeSending(ctx), retryLimit: 1 });
}

export { resumeSending };
