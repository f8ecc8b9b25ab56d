-- Selection, notification and programme of a call (issue 12): the secretariat's targets for the
-- balance panel, the decision mails (templates and one delivery row per submitter), the programme's
-- extra workshop fields, and one code per call.

-- A code (session.workshop.item) belongs to one submission of a call.
CREATE UNIQUE INDEX submissions_call_code ON submissions (call_id, code) WHERE code IS NOT NULL;
CREATE INDEX submissions_call_decision ON submissions (call_id, decision);

-- How many accepted submissions the secretariat aims for, per region, country, theme or language.
CREATE TABLE call_targets (
  call_id    integer NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  dimension  text NOT NULL CHECK (dimension IN ('region', 'country', 'theme', 'language')),
  value      text NOT NULL,
  target     integer NOT NULL CHECK (target >= 0),
  PRIMARY KEY (call_id, dimension, value)
);

-- The decision mail of a call, per language and decision; absent rows fall back to the catalog.
CREATE TABLE call_mail_templates (
  call_id    integer NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  lang       text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  decision   text NOT NULL CHECK (decision IN ('accepted', 'waitlisted', 'rejected')),
  subject    text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (call_id, lang, decision)
);

-- One decision mail per submission, written (rendered) when the decision is released: the row is
-- the "exactly once". stage: pending → sending (committed before the SMTP exchange) → sent; a row
-- found 'sending' after a crash may have reached the server and is never sent again ('unconfirmed').
CREATE TABLE call_notifications (
  submission_id integer PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  call_id       integer NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  lang          text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  decision      text NOT NULL CHECK (decision IN ('accepted', 'waitlisted', 'rejected')),
  to_address    text NOT NULL,
  subject       text NOT NULL,
  body          text NOT NULL,
  message_id    text NOT NULL UNIQUE,
  stage         text NOT NULL DEFAULT 'pending' CHECK (stage IN ('pending', 'sending', 'sent', 'unconfirmed')),
  attempts      integer NOT NULL DEFAULT 0,
  last_error    text,
  sent_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX call_notifications_call_stage ON call_notifications (call_id, stage);

-- A workshop's room, moderators (names, in order) and, for a thematic workshop, the partner running it.
ALTER TABLE programme_workshops
  ADD COLUMN room text CHECK (room IS NULL OR length(room) <= 200),
  ADD COLUMN moderators text[] NOT NULL DEFAULT '{}',
  ADD COLUMN partner text CHECK (partner IS NULL OR length(partner) <= 300);
