/** How long a confirmation link works. */
export const CONFIRM_HOURS = 48;
/** A new confirmation mail no sooner than this after the previous one… */
export const RESEND_AFTER_MS = 60_000;
/** …and no more than this many for one request. */
export const MAX_CONFIRM_SENDS = 5;
