-- The printed booklet of a forum's programme (issue 12), keyed by the archive's event slug so that a
-- programme without a call (one imported from an old booklet) has one too.

-- What the secretariat writes for the booklet: the front matter (translatable, per language) and the
-- partners' names (proper names, printed as written).
CREATE TABLE booklets (
  event_slug   text PRIMARY KEY CHECK (event_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  front_matter jsonb CHECK (front_matter IS NULL OR is_translatable(front_matter)),
  partners     text[] NOT NULL DEFAULT '{}',
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One generated PDF per event, language and content hash (SHA-256 of the Typst source, which holds
-- every input): the same programme gives the same hash, so a row found ready is the cache; a changed
-- programme gives a new hash and a new row. Older rows of the same event and language are deleted,
-- with their file, once a newer one is ready.
CREATE TABLE booklet_files (
  event_slug   text NOT NULL,
  lang         text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  state        text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'ready', 'failed')),
  progress     smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  file_key     text,
  byte_size    integer CHECK (byte_size > 0),
  page_count   integer CHECK (page_count > 0),
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_slug, lang, content_hash),
  CHECK (state <> 'ready' OR file_key IS NOT NULL)
);
