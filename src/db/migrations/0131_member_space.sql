-- Members' own space: member contacts are accounts linked to their member; a contact's changes to
-- the member's public fields wait for the secretariat, or are published at once, as it sets.

-- The accounts that speak for a member (invited by the secretariat). A contact sees and edits only
-- the members it is linked to.
CREATE TABLE member_contacts (
  user_id     integer NOT NULL REFERENCES users ON DELETE CASCADE,
  member_id   integer NOT NULL REFERENCES members ON DELETE CASCADE,
  invited_by  integer REFERENCES users ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, member_id)
);
CREATE INDEX member_contacts_member ON member_contacts (member_id);

-- A contact's proposed change to the public profile (description in one language, website), kept
-- until the secretariat publishes or rejects it.
CREATE TABLE member_profile_changes (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id    integer NOT NULL REFERENCES members ON DELETE CASCADE,
  proposed     jsonb NOT NULL CHECK (jsonb_typeof(proposed) = 'object'),
  proposed_by  integer REFERENCES users ON DELETE SET NULL,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'rejected')),
  decided_by   integer REFERENCES users ON DELETE SET NULL,
  decided_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX member_profile_changes_pending ON member_profile_changes (member_id) WHERE status = 'pending';

-- The secretariat's setting, one row: are contacts' public changes reviewed first?
CREATE TABLE member_space_settings (
  id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
  review_public_edits boolean NOT NULL DEFAULT true
);
INSERT INTO member_space_settings DEFAULT VALUES;
