-- Members and governance, continued: files attached to meetings, and the link from a membership
-- step (a disqualification) to the meeting decision it applies.

-- A file attached to a meeting (agenda papers, minutes, presentations). Members-only unless the
-- secretariat marks it public; the public sees it only once the meeting's summary is published.
CREATE TABLE meeting_attachments (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id   integer NOT NULL REFERENCES meetings ON DELETE CASCADE,
  file_key     text NOT NULL,
  file_name    text NOT NULL,
  mime         text NOT NULL,
  size         integer NOT NULL CHECK (size >= 0),
  public       boolean NOT NULL DEFAULT false,
  uploaded_by  integer REFERENCES users ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_attachments_meeting ON meeting_attachments (meeting_id);

-- The decision a step applies (a disqualification is decided by the steering committee).
ALTER TABLE membership_events ADD COLUMN decision_id integer REFERENCES meeting_decisions;
