/** Every recurring job, in one place (cron syntax, UTC). */
export const SCHEDULES: { name: string; cron: string }[] = [
  // Expired sessions and used sign-in links are of no use to anyone; keep the tables small.
  { name: 'sessions.cleanup', cron: '17 3 * * *' },
  // A newsletter whose sender died (a killed worker) is taken up again within a minute.
  { name: 'newsletter.resume', cron: '* * * * *' },
  // Drafts of the public application nobody touched for 30 days go, with their files.
  { name: 'members.drafts.expire', cron: '41 3 * * *' },
  // Call submissions left as drafts for 30 days go, with their attachments (calls/submit/expiry.ts).
  { name: 'calls.drafts.expire', cron: '43 3 * * *' },
  // Stored files no row refers to (a crash between storing and committing) are deleted, and so
  // are uploads' request folders left in DATA_DIR/incoming (web/incoming.ts).
  { name: 'files.sweep', cron: '23 * * * *' },
  // Rate-limit counters whose window is over (a minute at most) are deleted.
  { name: 'ratelimit.cleanup', cron: '*/10 * * * *' },
  // Membership fees past their due date become overdue; reminders before and after it go out.
  { name: 'fees.daily', cron: '7 6 * * *' },
  // Next year's membership fees (and invoices) from the schedules, on 1 December; idempotent.
  { name: 'fees.renewal', cron: '30 4 1 12 *' },
  // Machine drafts for texts created or changed since the last pass (translations/machine).
  { name: 'translations.machine.drafts', cron: '*/10 * * * *' },
  // The translation counts' deltas are folded into one row per key (translations/queue/queries.ts).
  { name: 'translations.counts.compact', cron: '*/5 * * * *' },
  // Each staff member's daily digest of the notices they take that way (notices/).
  { name: 'notices.digest', cron: '0 7 * * *' },
  // Each translator's digest of new work in their languages (translations/digest).
  { name: 'translations.digest', cron: '0 7 * * *' },
  // Registrations whose address was not confirmed within 48 hours go (activities/registrations.ts).
  { name: 'registrations.pending.expire', cron: '37 * * * *' },
];
