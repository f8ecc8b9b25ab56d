-- Uploads hardening (issue 17): drafts of the public application are counted per address (the
-- SHA-256 of the address they were started from, kept for the quota only), abandoned drafts expire
-- (their last change is `updated_at`), and stored files no row refers to are swept in two passes.

ALTER TABLE membership_applications ADD COLUMN created_from text;
CREATE INDEX membership_applications_created_from_idx ON membership_applications (created_from, created_at) WHERE created_from IS NOT NULL;
CREATE INDEX membership_applications_draft_updated_idx ON membership_applications (updated_at) WHERE status = 'draft';

-- A stored key found unreferenced by one sweep; deleted by a later sweep if still unreferenced then
-- (an upload in flight writes its file shortly before its row commits).
CREATE TABLE file_sweep_candidates (
  file_key text PRIMARY KEY,
  seen_at timestamptz NOT NULL DEFAULT now()
);
