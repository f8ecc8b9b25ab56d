/** How long a confirmation link works. */
export const CONFIRM_HOURS = 48;
/** A new confirmation mail no sooner than this after the previous one… */
export const RESEND_AFTER_MS = 60_000;
/** …and no more than this many for one request. */
export const MAX_CONFIRM_SENDS = 5;
/** Resend requests for one address are counted over this window (at most MAX_CONFIRM_SENDS answered). */
export const RESEND_WINDOW_MS = 24 * 3600_000;
/** "You are already subscribed" reminders to one address. */
export const ALREADY_REMINDER_LIMIT = { max: 1, windowMs: 3600_000 };
