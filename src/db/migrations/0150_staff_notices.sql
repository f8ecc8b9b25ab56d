-- Notices to staff (issue 15): what reaches each person by mail, one mail each or a daily digest.

-- A person's choice per event; no row means the event's default ('digest' for those allowed to act on it).
CREATE TABLE staff_notice_settings (
  user_id   integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  event     text NOT NULL,
  delivery  text NOT NULL CHECK (delivery IN ('off', 'each', 'digest')),
  PRIMARY KEY (user_id, event)
);

-- One row per thing that happened; mails are made from it (immediately for 'each', by the digest job).
CREATE TABLE staff_notices (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event       text NOT NULL,
  -- What the mail names (an organisation, a news title, an event's title): shown to staff only.
  subject     text NOT NULL DEFAULT '',
  -- The back-office page to open, without the language prefix ("/admin/applications/12").
  path        text NOT NULL CHECK (path LIKE '/admin%'),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_notices_created ON staff_notices (created_at, id);

-- The last notice each person's digest covered: the next digest holds only what came after it.
CREATE TABLE staff_notice_digests (
  user_id     integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  through_id  integer NOT NULL,
  sent_at     timestamptz NOT NULL DEFAULT now()
);
