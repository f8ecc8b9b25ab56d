-- Convocations of a body's meetings and the attendance recorded (issue 15).

-- People who hold a seat without being a member (advisors, the Secretary General) are convened at
-- this address, in this language; members are convened through their contact accounts.
ALTER TABLE people
  ADD COLUMN email text CHECK (email IS NULL OR (email = lower(email) AND position('@' IN email) > 1)),
  ADD COLUMN lang text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'fr', 'es', 'ko'));

-- One row per address convened to a meeting: a convocation goes to each address once, however many
-- times the secretariat presses "send" (a seat added later is convened on the next press).
CREATE TABLE meeting_convocations (
  meeting_id  integer NOT NULL REFERENCES meetings ON DELETE CASCADE,
  email       text NOT NULL,
  mandate_id  integer REFERENCES mandates ON DELETE SET NULL,
  sent_by     integer REFERENCES users ON DELETE SET NULL,
  sent_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, email)
);

-- Who attended, per seat of the body on the meeting's day.
CREATE TABLE meeting_attendance (
  meeting_id   integer NOT NULL REFERENCES meetings ON DELETE CASCADE,
  mandate_id   integer NOT NULL REFERENCES mandates ON DELETE CASCADE,
  status       text NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  recorded_by  integer REFERENCES users ON DELETE SET NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, mandate_id)
);
