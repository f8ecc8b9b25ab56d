-- Members and governance: the members directory (each member is an organisation), the membership
-- lifecycle (applications, review, decision, fee, timeline), and the governing bodies' mandates
-- and meetings.

-- A member of the network. Name, city, country, region, coordinates and website live on the
-- shared organisation; what is specific to membership lives here.
CREATE TABLE members (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  organisation_id  integer NOT NULL UNIQUE REFERENCES organisations,
  kind             text NOT NULL CHECK (kind IN ('local_government', 'sse_network', 'other_organisation', 'honorary', 'partner')),
  category         text NOT NULL CHECK (category IN ('city', 'regional_government', 'local_sse_network', 'national_sse_network',
                                                     'regional_network', 'international_network', 'support_organisation', 'other_stakeholder')),
  status           text NOT NULL CHECK (status IN ('applicant', 'active', 'suspended', 'withdrawn', 'disqualified')),
  joined_on        date,
  fee_status       text CHECK (fee_status IN ('pending', 'paid', 'waived')),
  description      jsonb CHECK (description IS NULL OR is_translatable(description)),
  logo_key         text,
  -- Private: focal point, head of the executive, general contact. Only editors see them.
  contacts         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(contacts) = 'object'),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX members_status_kind ON members (status, kind);

-- People who hold mandates without being members themselves (advisors, the Secretary General).
CREATE TABLE people (
  id      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug    text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name    text NOT NULL,
  title   jsonb CHECK (title IS NULL OR is_translatable(title))
);

-- A seat in a body, held by a member or a person, for a period.
CREATE TABLE mandates (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id    integer NOT NULL REFERENCES bodies ON DELETE CASCADE,
  member_id  integer REFERENCES members,
  person_id  integer REFERENCES people,
  role       text NOT NULL CHECK (role IN ('chair', 'co_chair', 'vice_chair', 'international_network', 'regional_network',
                                           'member', 'advisor', 'secretary_general', 'observer')),
  -- The continent a vice-chair speaks for, when the role has one.
  region     text CHECK (region IN ('africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america')),
  starts_on  date,
  ends_on    date CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
  position   integer NOT NULL DEFAULT 0,
  CHECK (num_nonnulls(member_id, person_id) = 1)
);
CREATE UNIQUE INDEX mandates_natural ON mandates (body_id, coalesce(member_id, 0), coalesce(person_id, 0), role, coalesce(starts_on, '1900-01-01'));

-- A meeting of a body. Dates in plans are often approximate ("last week of January"): the window
-- is kept as from/to with a precision, and a translatable label says it in words.
CREATE TABLE meetings (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  body_id           integer NOT NULL REFERENCES bodies,
  starts_on         date NOT NULL,
  ends_on           date NOT NULL CHECK (ends_on >= starts_on),
  date_precision    text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'week', 'month')),
  format            text NOT NULL CHECK (format IN ('online', 'in_person', 'hybrid')),
  city              text,
  country           char(2),
  -- Members-only by default: the public sees a meeting (date, format, place, agenda) once published.
  published         boolean NOT NULL DEFAULT false,
  summary           jsonb CHECK (summary IS NULL OR is_translatable(summary)),
  summary_published boolean NOT NULL DEFAULT false,
  minutes           text,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_body_date ON meetings (body_id, starts_on);

CREATE TABLE meeting_agenda_items (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id  integer NOT NULL REFERENCES meetings ON DELETE CASCADE,
  position    integer NOT NULL,
  title       jsonb NOT NULL CHECK (is_translatable(title)),
  UNIQUE (meeting_id, position)
);

-- A membership application: a draft the applicant returns to through an e-mailed link (only the
-- SHA-256 of its token is stored), then the secretariat's queue, then the committee's decision.
CREATE TABLE membership_applications (
  id                   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash           text NOT NULL UNIQUE,
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'needs_information', 'recommended',
                                                                        'not_recommended', 'approved', 'rejected', 'deferred')),
  lang                 text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  email                text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  organisation_name    text NOT NULL,
  -- Accent- and case-free name, to flag a second application from the same organisation.
  name_key             text NOT NULL,
  kind                 text CHECK (kind IN ('local_government', 'sse_network', 'other_organisation')),
  category             text,
  country              char(2),
  city                 text,
  -- Set when the offline gazetteer knows the city; a city it does not know is reported, never guessed.
  latitude             double precision,
  longitude            double precision,
  website              text,
  contacts             jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(contacts) = 'object'),
  signatory_name       text,
  signatory_title      text,
  sse_situation        text,
  duplicate_member_id  integer REFERENCES members,
  -- Deferred: a restore inserts rows in any order within its transaction.
  duplicate_application_id integer REFERENCES membership_applications DEFERRABLE INITIALLY DEFERRED,
  member_id            integer REFERENCES members,
  submitted_at         timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX membership_applications_status ON membership_applications (status);
CREATE INDEX membership_applications_email ON membership_applications (email);

CREATE TABLE application_documents (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  integer NOT NULL REFERENCES membership_applications ON DELETE CASCADE,
  file_key        text NOT NULL,
  file_name       text NOT NULL,
  mime            text NOT NULL,
  size            integer NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE application_comments (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  integer NOT NULL REFERENCES membership_applications ON DELETE CASCADE,
  author_id       integer REFERENCES users ON DELETE SET NULL,
  body            text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- A decision taken in a meeting, typed, and linked to what it decides (e.g. an application).
CREATE TABLE meeting_decisions (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id      integer NOT NULL REFERENCES meetings,
  kind            text NOT NULL CHECK (kind IN ('membership', 'budget', 'strategy', 'other')),
  outcome         text CHECK (outcome IN ('approved', 'rejected', 'deferred')),
  method          text NOT NULL CHECK (method IN ('vote', 'consensus')),
  votes_for       integer CHECK (votes_for >= 0),
  votes_against   integer CHECK (votes_against >= 0),
  abstentions     integer CHECK (abstentions >= 0),
  application_id  integer REFERENCES membership_applications,
  member_id       integer REFERENCES members,
  note            text NOT NULL DEFAULT '',
  recorded_by     integer REFERENCES users ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Every step of a membership, from the first draft to withdrawal: the member's timeline. A status
-- change carries the status it leads to and the day it takes effect (the status history).
CREATE TABLE membership_events (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  integer REFERENCES membership_applications,
  member_id       integer REFERENCES members,
  action          text NOT NULL,
  status          text CHECK (status IN ('applicant', 'active', 'suspended', 'withdrawn', 'disqualified')),
  effective_on    date,
  reason          text NOT NULL DEFAULT '',
  actor_id        integer REFERENCES users ON DELETE SET NULL,
  at              timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(application_id, member_id) >= 1)
);
CREATE INDEX membership_events_member ON membership_events (member_id, at);
CREATE INDEX membership_events_application ON membership_events (application_id, at);

-- The membership goal the secretariat sets (the 2019 programme: from 49 to 100 by the end of 2019).
CREATE TABLE membership_targets (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  baseline    integer NOT NULL CHECK (baseline >= 0),
  target      integer NOT NULL CHECK (target > 0),
  deadline    date NOT NULL UNIQUE,
  set_by      integer REFERENCES users ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
