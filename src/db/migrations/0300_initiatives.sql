-- Initiatives archive: the programme of each forum (days → sessions → workshops) and the initiatives
-- presented there, imported from booklets. The event is named by its slug only (the activities
-- module owns events), so the archive stands on its own.

CREATE TABLE programme_days (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_slug  text NOT NULL,
  position    integer NOT NULL CHECK (position > 0),
  date        date,
  UNIQUE (event_slug, position)
);

CREATE TABLE programme_sessions (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_slug  text NOT NULL,
  day_id      integer REFERENCES programme_days (id) ON DELETE SET NULL,
  code        text NOT NULL CHECK (code ~ '^[0-9]+$'),
  position    integer NOT NULL,
  UNIQUE (event_slug, code)
);

CREATE TABLE programme_workshops (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_slug  text NOT NULL,
  session_id  integer NOT NULL REFERENCES programme_sessions (id) ON DELETE CASCADE,
  code        text NOT NULL CHECK (code ~ '^[0-9]+\.[0-9]+$'),
  title       jsonb NOT NULL CHECK (is_translatable(title)),
  position    integer NOT NULL,
  UNIQUE (event_slug, code)
);
CREATE INDEX programme_workshops_session ON programme_workshops (session_id);

-- The multilingual theme taxonomy (slugs are stable; names in en/fr/es/ko).
CREATE TABLE initiative_themes (
  slug        text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        jsonb NOT NULL CHECK (is_translatable(name)),
  sdgs        smallint[] NOT NULL DEFAULT '{}',
  position    integer NOT NULL
);

CREATE TABLE initiatives (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  event_slug      text NOT NULL,
  -- Title and organisation, accent- and case-free: the same entry in a renumbered booklet meets here.
  dedup_key       text NOT NULL,
  code            text NOT NULL CHECK (code ~ '^[0-9]+(\.[0-9]+){1,2}$'),
  kind            text NOT NULL DEFAULT 'initiative' CHECK (kind IN ('initiative', 'thematic_workshop')),
  workshop_id     integer REFERENCES programme_workshops (id) ON DELETE SET NULL,
  title           jsonb NOT NULL CHECK (is_translatable(title)),
  summary         jsonb CHECK (summary IS NULL OR is_translatable(summary)),
  organisation_id integer REFERENCES organisations (id) ON DELETE SET NULL,
  city            text,
  subregion       text,
  country         char(2),
  region          text CHECK (region IN ('africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america')),
  latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
  -- [{ "name", "role", "organisation", "url" }], in the booklet's order.
  presenters      jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(presenters) = 'array'),
  links           text[] NOT NULL DEFAULT '{}',
  themes          text[] NOT NULL DEFAULT '{}',
  sdgs            smallint[] NOT NULL DEFAULT '{}',
  source_line     integer,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_slug, dedup_key),
  -- Deferred: a renumbered booklet may swap two codes within one import.
  CONSTRAINT initiatives_event_code UNIQUE (event_slug, code) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX initiatives_country ON initiatives (country);
CREATE INDEX initiatives_workshop ON initiatives (workshop_id);
CREATE INDEX initiatives_organisation ON initiatives (organisation_id);
CREATE INDEX initiatives_themes ON initiatives USING gin (themes);
CREATE INDEX initiatives_title_trgm ON initiatives USING gin ((title::text) gin_trgm_ops);
