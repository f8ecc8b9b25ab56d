-- Rate limits counted in PostgreSQL (issues 16 and 17): every instance adds to the same counter, so
-- two instances do not double a limit. One row per route and address (the address hashed), its
-- count for the window ending at `expires_at`; expired rows are reset on use and deleted by a job.
CREATE TABLE rate_limit_counts (
  key text PRIMARY KEY,
  count integer NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_counts_expires_at_idx ON rate_limit_counts (expires_at);
