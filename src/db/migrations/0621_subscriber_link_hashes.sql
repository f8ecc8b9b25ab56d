-- Newsletter links (issue 17, finding 11): the preferences and unsubscribe links' secret was kept
-- in the clear (`subscribers.preferences_token`). Now only SHA-256 hashes are kept, one row per
-- token, a fresh token for every message that carries links. The existing tokens become the first
-- rows (their hash, the same SHA-256 hex as src/auth/tokens.ts), so links in mails already sent
-- keep working; the clear column goes.

CREATE TABLE subscriber_links (
  token_hash text PRIMARY KEY,
  subscriber_id integer NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriber_links_subscriber_idx ON subscriber_links (subscriber_id);

INSERT INTO subscriber_links (token_hash, subscriber_id, created_at)
SELECT encode(sha256(convert_to(preferences_token, 'UTF8')), 'hex'), id, created_at FROM subscribers;

ALTER TABLE subscribers DROP COLUMN preferences_token;
