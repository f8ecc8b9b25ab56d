-- Review of a call's submissions (issue 12, "Review"): phases with their visibility rules, the
-- reviewers invited to a call, and which reviewer reviews which submission.

-- A phase opens and closes the reviewers' forms; outside every phase the pages are read-only.
CREATE TABLE call_review_phases (
  id                   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_id              integer NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  opens_at             timestamptz NOT NULL,
  closes_at            timestamptz NOT NULL,
  -- false: blind review, on a copy without e-mail, presenters, organisation, links or file names.
  reviewers_see_names  boolean NOT NULL DEFAULT false,
  others_reviews       text NOT NULL DEFAULT 'after_own' CHECK (others_reviews IN ('never', 'after_own', 'always')),
  CHECK (closes_at > opens_at)
);
CREATE INDEX call_review_phases_call ON call_review_phases (call_id, opens_at);

-- A reviewer invited to one call: what they read, how many they take, who they are tied to.
CREATE TABLE call_reviewers (
  call_id                integer NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  user_id                integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  languages              text[] NOT NULL CHECK (languages <@ '{en,fr,es,ko}' AND cardinality(languages) > 0),
  cap                    integer NOT NULL DEFAULT 30 CHECK (cap BETWEEN 0 AND 10000),
  -- The reviewer's own organisation and city: a submission from either is a conflict of interest.
  organisation_name      text,
  city                   text,
  country                char(2),
  -- Declared conflicts: organisations by name (lower case) and submissions by id.
  conflict_organisations text[] NOT NULL DEFAULT '{}',
  conflict_submissions   integer[] NOT NULL DEFAULT '{}',
  invited_by             integer REFERENCES users (id) ON DELETE SET NULL,
  invited_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (call_id, user_id)
);
CREATE INDEX call_reviewers_user ON call_reviewers (user_id);

-- Who reviews what; automatic rows come from the balanced assignment, the others were added by hand.
CREATE TABLE review_assignments (
  call_id        integer NOT NULL,
  submission_id  integer NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  reviewer_id    integer NOT NULL,
  automatic      boolean NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, reviewer_id),
  FOREIGN KEY (call_id, reviewer_id) REFERENCES call_reviewers (call_id, user_id) ON DELETE CASCADE
);
CREATE INDEX review_assignments_reviewer ON review_assignments (call_id, reviewer_id);
