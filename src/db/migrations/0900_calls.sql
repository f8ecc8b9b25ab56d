-- Calls for initiatives (issue 12): a call attached to a forum, its own questions, the submissions
-- it receives, their reviews and their decisions. Review phases, invitations and assignments
-- (0910), the selection's targets and notifications (0920) and the booklet (0930) build on these.

CREATE TABLE calls (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug                text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- The forum (an activity of type forum) the call selects initiatives for.
  activity_id         integer REFERENCES activities (id) ON DELETE SET NULL,
  -- The archive's programme the selected submissions are published into (programme_events).
  event_slug          text NOT NULL,
  title               jsonb NOT NULL CHECK (is_translatable(title)),
  body                jsonb CHECK (body IS NULL OR is_translatable(body)),
  state               text NOT NULL DEFAULT 'draft'
                      CHECK (state IN ('draft', 'open', 'closed', 'in_review', 'decided', 'published')),
  opens_at            timestamptz,
  closes_at           timestamptz,
  -- The IANA zone the dates are announced in ("Europe/Madrid"); pages show it beside each date.
  time_zone           text NOT NULL DEFAULT 'UTC',
  -- Themes submitters choose from: slugs of initiative_themes.
  themes              text[] NOT NULL DEFAULT '{}',
  languages           text[] NOT NULL DEFAULT '{en,fr,es,ko}' CHECK (languages <@ '{en,fr,es,ko}' AND cardinality(languages) > 0),
  -- Attachments allowed: content types (checked on the bytes) and the size of one file.
  attachment_types    text[] NOT NULL DEFAULT '{application/pdf}',
  attachment_max_bytes integer NOT NULL DEFAULT 5242880 CHECK (attachment_max_bytes > 0),
  max_attachments     integer NOT NULL DEFAULT 3 CHECK (max_attachments >= 0),
  -- What the secretariat reports for calls run before Passerelle (GSEF2018: about 600), shown
  -- instead of a count of rows when set; never invented submissions.
  received_count_reported integer CHECK (received_count_reported >= 0),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);
CREATE INDEX calls_state ON calls (state);
CREATE INDEX calls_activity ON calls (activity_id);

-- The call's own questions, in order.
CREATE TABLE call_questions (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_id     integer NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  position    integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('text', 'choice', 'number')),
  label       jsonb NOT NULL CHECK (is_translatable(label)),
  required    boolean NOT NULL DEFAULT false,
  -- text: max_length; number: min_value / max_value; choice: choices [{ "value", "label": translatable }].
  max_length  integer CHECK (max_length > 0),
  min_value   numeric,
  max_value   numeric,
  choices     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(choices) = 'array'),
  UNIQUE (call_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE submissions (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_id            integer NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  -- The resume link's token (only its SHA-256), as /join keeps it.
  token_hash         text NOT NULL UNIQUE,
  state              text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'withdrawn')),
  -- The submitter's interface language (mails) and the language the texts are written in.
  lang               text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  source_lang        text CHECK (source_lang IN ('en', 'fr', 'es', 'ko')),
  email              text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  title              jsonb CHECK (title IS NULL OR is_translatable(title)),
  summary            jsonb CHECK (summary IS NULL OR is_translatable(summary)),
  organisation_id    integer REFERENCES organisations (id) ON DELETE SET NULL,
  -- As typed, until it is matched to an organisation record.
  organisation_name  text,
  city               text,
  country            char(2),
  region             text CHECK (region IN ('africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america')),
  latitude           double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude          double precision CHECK (longitude BETWEEN -180 AND 180),
  -- [{ "name", "organisation", "role" }], in order; the contact e-mail is `email`.
  presenters         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(presenters) = 'array'),
  themes             text[] NOT NULL DEFAULT '{}',
  links              text[] NOT NULL DEFAULT '{}',
  -- { "<question id>": "answer" | number }
  answers            jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
  -- Title + organisation without accents or case: a possible duplicate meets here.
  dedup_key          text,
  possible_duplicate_of integer REFERENCES submissions (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  -- Imported from a call run before Passerelle (the GSEF2018 selection), not typed in the form.
  imported           boolean NOT NULL DEFAULT false,
  submitted_at       timestamptz,
  withdrawn_at       timestamptz,
  -- The secretariat's decision: pending until released (decision_released_at), then notified.
  decision           text CHECK (decision IN ('accepted', 'waitlisted', 'rejected')),
  decision_released_at timestamptz,
  -- Placement in the programme (an accepted submission) and the initiative it became on publication.
  workshop_id        integer REFERENCES programme_workshops (id) ON DELETE SET NULL,
  -- session.workshop.item, kept stable when items move unless renumbering is asked.
  code               text CHECK (code ~ '^[0-9]+(\.[0-9]+){1,2}$'),
  initiative_id      integer REFERENCES initiatives (id) ON DELETE SET NULL,
  -- Raised on every save: an edit made from a stale form is refused, never silently overwritten.
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submissions_call_state ON submissions (call_id, state);
CREATE INDEX submissions_dedup ON submissions (call_id, dedup_key);
CREATE INDEX submissions_organisation ON submissions (organisation_id);

CREATE TABLE submission_files (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id  integer NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  file_key       text NOT NULL,
  file_name      text NOT NULL,
  mime           text NOT NULL,
  size           integer NOT NULL CHECK (size > 0),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_files_submission ON submission_files (submission_id);

-- Score categories of a call's review, with weights; the total of a review is the weighted score.
CREATE TABLE call_score_categories (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  call_id     integer NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  position    integer NOT NULL,
  label       jsonb NOT NULL CHECK (is_translatable(label)),
  weight      numeric NOT NULL DEFAULT 1 CHECK (weight > 0),
  required    boolean NOT NULL DEFAULT true,
  min_score   integer NOT NULL DEFAULT 0,
  max_score   integer NOT NULL DEFAULT 5 CHECK (max_score > min_score),
  UNIQUE (call_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- One reviewer's review of one submission.
CREATE TABLE reviews (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id      integer NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  reviewer_id        integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- { "<category id>": score }
  scores             jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(scores) = 'object'),
  -- The weighted score, written with the scores (sum of weight × score / sum of weights).
  total              numeric,
  comment            text,
  proposed_decision  text CHECK (proposed_decision IN ('accepted', 'waitlisted', 'rejected')),
  submitted_at       timestamptz,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (submission_id, reviewer_id)
);
CREATE INDEX reviews_reviewer ON reviews (reviewer_id);
