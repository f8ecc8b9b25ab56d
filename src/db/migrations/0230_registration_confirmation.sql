-- Issue 15: a registration holds a seat only once its address is confirmed by a mailed link.
-- 'pending' rows hold no seat; only the SHA-256 of the confirmation token is kept, and a pending
-- registration not confirmed by confirm_by is deleted (job registrations.pending.expire).
ALTER TABLE registrations DROP CONSTRAINT registrations_status_check;
ALTER TABLE registrations ADD CONSTRAINT registrations_status_check CHECK (status IN ('pending', 'confirmed', 'waiting', 'cancelled'));
ALTER TABLE registrations ADD COLUMN confirm_token_hash text UNIQUE;
ALTER TABLE registrations ADD COLUMN confirm_by timestamptz;
ALTER TABLE registrations ADD CONSTRAINT registrations_pending_confirmable
  CHECK (status <> 'pending' OR (confirm_token_hash IS NOT NULL AND confirm_by IS NOT NULL));
CREATE INDEX registrations_pending_confirm_by ON registrations (confirm_by) WHERE status = 'pending';
