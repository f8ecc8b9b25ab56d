-- Online events' join links and the secretariat's mails to registrants (issue 15).

-- Kept apart from activities so that no public query, page or API can ever read it: the link is
-- sent to confirmed registrants and shown on their own registration page only.
CREATE TABLE activity_join_links (
  activity_id  integer PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
  url          text NOT NULL CHECK (url ~ '^https://[^[:space:][:cntrl:]]+$' AND length(url) <= 500),
  updated_by   integer REFERENCES users (id) ON DELETE SET NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A message the secretariat sent to an event's registrants; each recipient's mail is queued in the
-- same transaction (the outbox sends each once).
CREATE TABLE activity_mailings (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id     integer NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  audience        text NOT NULL CHECK (audience IN ('confirmed', 'waiting', 'all')),
  subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200 AND subject !~ '[[:cntrl:]]'),
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  with_join_link  boolean NOT NULL DEFAULT false,
  recipients      integer NOT NULL CHECK (recipients >= 0),
  sent_by         integer REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_mailings_activity ON activity_mailings (activity_id, created_at);
