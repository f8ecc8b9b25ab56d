-- Who sent each call attachment, as the SHA-256 of the connection's address (as /join's drafts keep
-- it): the daily upload quota per address counts these rows, across instances.
ALTER TABLE submission_files ADD COLUMN uploaded_from text;
CREATE INDEX submission_files_uploaded_from ON submission_files (uploaded_from, created_at) WHERE uploaded_from IS NOT NULL;
