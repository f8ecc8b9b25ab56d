-- Activities: the network's programme, past and planned. One row per activity or dated
-- occurrence (a forum, a webinar of a series, a phase of a research project); sub-events point to
-- their parent. Dates carry a precision ('day' or 'month': "? February" is month precision) and a
-- tentative flag, so a drafted programme is stored as written and firms up later.

CREATE TABLE activity_series (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  type        text NOT NULL,
  title       jsonb NOT NULL CHECK (is_translatable(title)),
  description jsonb NOT NULL DEFAULT '{}' CHECK (description = '{}'::jsonb OR is_translatable(description)),
  region      text CHECK (region IN ('africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america')),
  position    integer NOT NULL DEFAULT 0
);

CREATE TABLE activities (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug                text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- The iCalendar UID: fixed at creation, so a calendar that subscribed sees later changes as updates.
  uid                 text NOT NULL UNIQUE,
  sequence            integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  type                text NOT NULL CHECK (type IN ('forum', 'policy_dialogue', 'training', 'learning_session', 'conference_session',
                                                    'webinar', 'research_project', 'youth_programme', 'statutory_meeting', 'partner_event')),
  parent_id           integer REFERENCES activities (id) ON DELETE CASCADE,
  series_id           integer REFERENCES activity_series (id) ON DELETE SET NULL,
  edition             integer CHECK (edition > 0),
  title               jsonb NOT NULL CHECK (is_translatable(title)),
  summary             jsonb NOT NULL CHECK (is_translatable(summary)),
  body                jsonb NOT NULL DEFAULT '{}' CHECK (body = '{}'::jsonb OR is_translatable(body)),
  -- Month precision: start is the 1st of its month, end the 1st of the last month.
  start_date          date NOT NULL,
  end_date            date NOT NULL,
  date_precision      text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month')),
  tentative           boolean NOT NULL DEFAULT false,
  format              text NOT NULL DEFAULT 'in-person' CHECK (format IN ('online', 'in-person', 'hybrid')),
  city                text,
  country             char(2),
  region              text CHECK (region IN ('africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america')),
  venue               text,
  participants        integer CHECK (participants >= 0),
  countries_count     integer CHECK (countries_count >= 0),
  themes              text[] NOT NULL DEFAULT '{}',
  speakers            text[] NOT NULL DEFAULT '{}',
  registration_open   boolean NOT NULL DEFAULT false,
  capacity            integer CHECK (capacity > 0),
  waiting_list        boolean NOT NULL DEFAULT true,
  registration_closes date,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  CHECK (date_precision = 'day' OR (extract(day FROM start_date) = 1 AND extract(day FROM end_date) = 1)),
  CHECK (edition IS NULL OR series_id IS NOT NULL)
);
CREATE INDEX activities_start ON activities (start_date, id);
CREATE INDEX activities_parent ON activities (parent_id);
CREATE INDEX activities_series ON activities (series_id, edition);
CREATE INDEX activities_type ON activities (type);
CREATE INDEX activities_region ON activities (region);
CREATE INDEX activities_themes ON activities USING gin (themes);

-- Organisers and partners are shared organisations (the same records members and initiatives use).
CREATE TABLE activity_organisations (
  activity_id     integer NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  organisation_id integer NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
  role            text NOT NULL CHECK (role IN ('organiser', 'partner')),
  position        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (activity_id, organisation_id, role)
);
CREATE INDEX activity_organisations_org ON activity_organisations (organisation_id);

CREATE TABLE activity_resources (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id integer NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('document', 'report', 'presentation', 'photos', 'video', 'interview', 'press_release', 'declaration', 'programme')),
  title       jsonb NOT NULL CHECK (is_translatable(title)),
  url         text CHECK (url ~ '^(https?://|/)'),
  position    integer NOT NULL DEFAULT 0,
  UNIQUE (activity_id, position)
);

-- A planned entry and the activity that actually took place, and similar explicit links.
CREATE TABLE activity_relations (
  activity_id integer NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  related_id  integer NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, related_id),
  CHECK (activity_id <> related_id)
);

-- Registrations: one per person (e-mail) per activity; the waiting list is ordered by arrival.
CREATE TABLE registrations (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id       integer NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  email             text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  organisation      text,
  lang              text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  status            text NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
  -- Only the SHA-256 of the cancellation token is kept.
  cancel_token_hash text NOT NULL UNIQUE,
  attended          boolean,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (activity_id, email)
);
CREATE INDEX registrations_activity_status ON registrations (activity_id, status, created_at, id);
