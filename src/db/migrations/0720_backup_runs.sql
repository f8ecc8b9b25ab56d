-- Scheduled backups (issue 16): one row per run, so the back-office can show the last outcome and
-- warn when backups stopped succeeding. `finished_at` is null while a run is under way (or died).
CREATE TABLE backup_runs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  file text,
  bytes bigint,
  rows bigint,
  files integer,
  error text
);
CREATE INDEX backup_runs_started_idx ON backup_runs (started_at DESC);
