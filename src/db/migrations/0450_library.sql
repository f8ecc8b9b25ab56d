-- The library (issue 6): resources and their files. A file's text is extracted by a background job;
-- its state is kept per file so the page can say "pending" and a failure is visible.
CREATE TABLE resources (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  type           text NOT NULL CHECK (type IN ('report', 'policy_paper', 'case_study', 'declaration', 'position_paper',
                   'presentation', 'training_material', 'newsletter_issue', 'press_release', 'video', 'photo_gallery')),
  title          jsonb NOT NULL CHECK (is_translatable(title)),
  summary        jsonb CHECK (summary IS NULL OR is_translatable(summary)),
  languages      text[] NOT NULL DEFAULT '{}' CHECK (languages <@ ARRAY['en', 'fr', 'es', 'ko']),
  -- A month or a year is stored as its first day; the precision says how much of the date is known.
  published_on   date,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  authors        text[] NOT NULL DEFAULT '{}',
  themes         text[] NOT NULL DEFAULT '{}',
  activity_id    integer REFERENCES activities (id) ON DELETE SET NULL,
  member_id      integer REFERENCES members (id) ON DELETE SET NULL,
  initiative_id  integer REFERENCES initiatives (id) ON DELETE SET NULL,
  visibility     text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'members')),
  external_url   text CHECK (external_url ~ '^https?://'),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (published_on IS NULL OR date_precision = 'day'
         OR (date_precision = 'month' AND extract(day FROM published_on) = 1)
         OR (date_precision = 'year' AND extract(day FROM published_on) = 1 AND extract(month FROM published_on) = 1))
);
CREATE INDEX resources_published ON resources (published_on DESC NULLS LAST, id DESC);
CREATE INDEX resources_activity ON resources (activity_id) WHERE activity_id IS NOT NULL;

CREATE TABLE resource_publishers (
  resource_id     integer NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  organisation_id integer NOT NULL REFERENCES organisations (id),
  position        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (resource_id, organisation_id)
);

CREATE TABLE resource_files (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_id      integer NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  file_key         text NOT NULL,
  file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  mime             text NOT NULL,
  size             integer NOT NULL CHECK (size > 0),
  lang             text CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  extraction       text NOT NULL DEFAULT 'pending' CHECK (extraction IN ('pending', 'done', 'failed', 'none')),
  extracted_text   text,
  extraction_error text,
  extracted_at     timestamptz,
  downloads        integer NOT NULL DEFAULT 0 CHECK (downloads >= 0),
  uploaded_by      integer REFERENCES users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resource_files_resource ON resource_files (resource_id);
