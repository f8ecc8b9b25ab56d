-- Foundation: the network itself, its governing bodies, accounts, sessions, audit log, outgoing mail.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Translatable fields are jsonb objects keyed by language:
--   {"fr": {"text": "…", "status": "original", "updatedAt": "2026-11-21T10:00:00Z"},
--    "en": {"text": "…", "status": "human", "updatedAt": "…"}}
-- status is one of original | human | machine | outdated; exactly one language is the original.
CREATE FUNCTION is_translatable(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_typeof(value) = 'object'
     AND NOT EXISTS (
       SELECT 1 FROM jsonb_each(value) AS entry(lang, body)
       WHERE entry.lang NOT IN ('en', 'fr', 'es', 'ko')
          OR jsonb_typeof(entry.body -> 'text') <> 'string'
          OR coalesce(entry.body ->> 'status', '') NOT IN ('original', 'human', 'machine', 'outdated'))
     AND (SELECT count(*) FROM jsonb_each(value) AS entry(lang, body)
          WHERE entry.body ->> 'status' = 'original') = 1
$$;

-- The network itself: a single row.
CREATE TABLE organisation_profile (
  id                 integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name               jsonb NOT NULL CHECK (is_translatable(name)),
  acronym            text NOT NULL,
  mission            jsonb NOT NULL CHECK (is_translatable(mission)),
  launched_year      integer NOT NULL,
  association_year   integer NOT NULL,
  hq_city            jsonb NOT NULL CHECK (is_translatable(hq_city)),
  hq_country         char(2) NOT NULL,
  official_languages text[] NOT NULL,
  working_languages  text[] NOT NULL,
  website            text,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bodies (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug         text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind         text NOT NULL CHECK (kind IN ('general_assembly', 'steering_committee', 'advisors',
                                             'secretariat', 'working_group')),
  name         jsonb NOT NULL CHECK (is_translatable(name)),
  description  jsonb NOT NULL CHECK (is_translatable(description)),
  seats        integer CHECK (seats > 0),
  meets        text CHECK (meets IN ('quarterly', 'twice_a_year', 'four_times_a_year', 'yearly', 'biennially')),
  position     integer NOT NULL DEFAULT 0
);

CREATE TABLE users (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email         text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' IN email) > 1),
  name          text NOT NULL DEFAULT '',
  password_hash text,
  roles         text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['member_contact', 'editor', 'reviewer',
                                                              'steering_committee', 'admin']::text[]),
  lang          text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz
);

-- Only a hash of each secret token is stored, so a copy of the database opens no session.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sign_in_links (
  token_hash text PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

CREATE TABLE audit_log (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    integer REFERENCES users ON DELETE SET NULL,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- Every message is written here in the transaction that decides to send it, then delivered by a job.
CREATE TABLE outgoing_mail (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  purpose     text NOT NULL,
  to_address  text NOT NULL,
  subject     text NOT NULL,
  text_body   text NOT NULL,
  html_body   text,
  headers     jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz,
  attempts    integer NOT NULL DEFAULT 0,
  last_error  text
);
CREATE INDEX outgoing_mail_unsent ON outgoing_mail (created_at) WHERE sent_at IS NULL;
