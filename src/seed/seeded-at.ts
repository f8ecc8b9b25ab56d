// A fixed date keeps the seed idempotent: re-running it writes identical rows.
export const SEEDED_AT = '2026-11-01T00:00:00.000Z';
