-- Translation workflow (docs/architecture.md, "Translation workflow").
--
-- 1. Translatable fields gain the status 'approved' and optional keys per language:
--    sourceHash (first 16 hex digits of the SHA-256 of the original text the translation was made
--    from), engine (the machine engine of a draft), by and approvedBy (user ids).
CREATE OR REPLACE FUNCTION is_translatable(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_typeof(value) = 'object'
     AND NOT EXISTS (
       SELECT 1 FROM jsonb_each(value) AS entry(lang, body)
       WHERE entry.lang NOT IN ('en', 'fr', 'es', 'ko')
          OR jsonb_typeof(entry.body -> 'text') <> 'string'
          OR coalesce(entry.body ->> 'status', '') NOT IN ('original', 'human', 'machine', 'approved', 'outdated')
          OR (entry.body ? 'sourceHash' AND coalesce(entry.body ->> 'sourceHash', '') !~ '^[0-9a-f]{16}$')
          OR (entry.body ? 'engine' AND jsonb_typeof(entry.body -> 'engine') <> 'string')
          OR (entry.body ? 'by' AND jsonb_typeof(entry.body -> 'by') <> 'number')
          OR (entry.body ? 'approvedBy' AND jsonb_typeof(entry.body -> 'approvedBy') <> 'number'))
     AND (SELECT count(*) FROM jsonb_each(value) AS entry(lang, body)
          WHERE entry.body ->> 'status' = 'original') = 1
$$;

-- The same hash as sourceHashOf in src/i18n/translatable.ts.
CREATE FUNCTION translation_source_hash(text text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left(encode(sha256(convert_to(text, 'UTF8')), 'hex'), 16) $$;

-- 2. One row per (field, language) of every translatable column listed in src/translations/fields.ts,
--    kept by triggers, so the queue and the dashboard read an indexed table instead of the jsonb of
--    every table. state is the effective one: a translation made from another version of the
--    original (made_from_hash <> source_hash) is outdated.
CREATE TABLE translation_units (
  tbl            text NOT NULL,
  row_key        text NOT NULL,
  col            text NOT NULL,
  lang           text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  module         text NOT NULL,
  state          text NOT NULL CHECK (state IN ('original', 'missing', 'machine', 'human', 'approved', 'outdated')),
  source_lang    text NOT NULL,
  source_hash    text NOT NULL,
  made_from_hash text,
  -- When the unit came to be in its state: the translation's updatedAt, or for missing and outdated
  -- units the original's (the age a translator's queue sorts by).
  since          timestamptz NOT NULL,
  PRIMARY KEY (tbl, row_key, col, lang)
);
CREATE INDEX translation_units_queue ON translation_units (lang, state, since, tbl, row_key, col);
CREATE INDEX translation_units_module_queue ON translation_units (module, lang, state, since);

-- Counts per module, language and state, kept by a trigger on translation_units (the queue's
-- header and the dashboard read 4 × 6 × modules rows, not 400,000).
CREATE TABLE translation_unit_counts (
  module text NOT NULL,
  lang   text NOT NULL,
  state  text NOT NULL,
  n      integer NOT NULL CHECK (n >= 0),
  PRIMARY KEY (module, lang, state)
);

-- Each version of an original a translation was made from, so a translator sees what changed.
CREATE TABLE translation_sources (
  tbl         text NOT NULL,
  row_key     text NOT NULL,
  col         text NOT NULL,
  source_hash text NOT NULL,
  text        text NOT NULL,
  seen_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tbl, row_key, col, source_hash)
);

-- A restore copies translation_sources back after the triggers of the restored tables wrote the
-- current versions: the copied row (with its first seen_at) replaces the one just written.
CREATE FUNCTION translation_sources_replace() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM translation_sources
   WHERE tbl = NEW.tbl AND row_key = NEW.row_key AND col = NEW.col AND source_hash = NEW.source_hash;
  RETURN NEW;
END $$;
CREATE TRIGGER translation_sources_replace BEFORE INSERT ON translation_sources
  FOR EACH ROW EXECUTE FUNCTION translation_sources_replace();

CREATE FUNCTION translation_units_count() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE translation_unit_counts SET n = n - 1 WHERE module = OLD.module AND lang = OLD.lang AND state = OLD.state;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO translation_unit_counts (module, lang, state, n) VALUES (NEW.module, NEW.lang, NEW.state, 1)
    ON CONFLICT (module, lang, state) DO UPDATE SET n = translation_unit_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER translation_units_count AFTER INSERT OR UPDATE OF module, lang, state OR DELETE ON translation_units
  FOR EACH ROW EXECUTE FUNCTION translation_units_count();

CREATE FUNCTION translation_timestamp(value text, fallback timestamptz) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN coalesce(value::timestamptz, fallback);
EXCEPTION WHEN others THEN
  RETURN fallback;
END $$;

-- Rewrites the units of one field of one row from its jsonb value.
CREATE FUNCTION translation_units_sync(p_tbl text, p_module text, p_row_key text, p_col text, value jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  src_lang text;
  src_text text;
  src_hash text;
  src_at timestamptz;
  l text;
  entry jsonb;
  unit_state text;
  unit_since timestamptz;
BEGIN
  IF value IS NULL OR jsonb_typeof(value) <> 'object' THEN value := '{}'::jsonb; END IF;
  SELECT e.lang, e.body ->> 'text', translation_timestamp(e.body ->> 'updatedAt', now())
    INTO src_lang, src_text, src_at
    FROM jsonb_each(value) AS e(lang, body) WHERE e.body ->> 'status' = 'original';
  IF src_lang IS NULL OR btrim(src_text) = '' THEN
    DELETE FROM translation_units WHERE tbl = p_tbl AND row_key = p_row_key AND col = p_col;
    RETURN;
  END IF;
  src_hash := translation_source_hash(src_text);
  IF NOT EXISTS (SELECT 1 FROM translation_sources
                 WHERE tbl = p_tbl AND row_key = p_row_key AND col = p_col AND source_hash = src_hash) THEN
    INSERT INTO translation_sources (tbl, row_key, col, source_hash, text) VALUES (p_tbl, p_row_key, p_col, src_hash, src_text);
  END IF;
  FOREACH l IN ARRAY ARRAY['en', 'fr', 'es', 'ko'] LOOP
    entry := value -> l;
    IF l = src_lang THEN
      unit_state := 'original';
      unit_since := src_at;
    ELSIF entry IS NULL OR btrim(coalesce(entry ->> 'text', '')) = '' THEN
      unit_state := 'missing';
      unit_since := src_at;
    ELSIF entry ->> 'status' = 'outdated' OR (entry ? 'sourceHash' AND entry ->> 'sourceHash' <> src_hash) THEN
      unit_state := 'outdated';
      unit_since := greatest(src_at, translation_timestamp(entry ->> 'updatedAt', src_at));
    ELSE
      unit_state := entry ->> 'status';
      unit_since := translation_timestamp(entry ->> 'updatedAt', src_at);
    END IF;
    INSERT INTO translation_units AS u (tbl, row_key, col, lang, module, state, source_lang, source_hash, made_from_hash, since)
    VALUES (p_tbl, p_row_key, p_col, l, p_module, unit_state, src_lang, src_hash, entry ->> 'sourceHash', unit_since)
    ON CONFLICT (tbl, row_key, col, lang) DO UPDATE
      SET module = EXCLUDED.module, state = EXCLUDED.state, source_lang = EXCLUDED.source_lang,
          source_hash = EXCLUDED.source_hash, made_from_hash = EXCLUDED.made_from_hash, since = EXCLUDED.since
      WHERE (u.state, u.source_hash, u.made_from_hash, u.since, u.source_lang)
            IS DISTINCT FROM (EXCLUDED.state, EXCLUDED.source_hash, EXCLUDED.made_from_hash, EXCLUDED.since, EXCLUDED.source_lang);
  END LOOP;
END $$;

-- Row trigger; arguments: module, key column, then the translatable columns of the table.
CREATE FUNCTION translation_units_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  module text := TG_ARGV[0];
  key_col text := TG_ARGV[1];
  new_row jsonb;
  old_row jsonb;
  i integer;
  c text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN new_row := to_jsonb(NEW); END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND old_row ->> key_col IS DISTINCT FROM new_row ->> key_col) THEN
    DELETE FROM translation_units WHERE tbl = TG_TABLE_NAME AND row_key = old_row ->> key_col;
    IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
    old_row := NULL;
  END IF;
  FOR i IN 2 .. TG_NARGS - 1 LOOP
    c := TG_ARGV[i];
    IF old_row IS NULL OR old_row -> c IS DISTINCT FROM new_row -> c THEN
      PERFORM translation_units_sync(TG_TABLE_NAME, module, new_row ->> key_col, c, new_row -> c);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

-- TRUNCATE (a restore with --replace) fires no row trigger: the units of the table go with it.
CREATE FUNCTION translation_units_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM translation_units WHERE tbl = TG_TABLE_NAME;
  RETURN NULL;
END $$;

-- Installs (or re-installs, when its columns changed) the trigger on each table of the registry
-- src/translations/fields.ts, and fills the units of that table's rows. Run after every migration
-- (src/db/migrate.ts), because the registry names tables of later migrations (images, calls…).
-- fields: [{"tbl": "activities", "module": "activities", "key": "id", "cols": ["title", …]}, …]
CREATE FUNCTION translation_units_install(fields jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  f jsonb;
  c text;
  args text;
  wanted bytea;
  installed integer := 0;
BEGIN
  FOR f IN SELECT * FROM jsonb_array_elements(fields) LOOP
    CONTINUE WHEN to_regclass(quote_ident(f ->> 'tbl')) IS NULL;
    SELECT string_agg(quote_literal(a), ', ') INTO args
      FROM (SELECT f ->> 'module' AS a UNION ALL SELECT f ->> 'key' UNION ALL SELECT jsonb_array_elements_text(f -> 'cols')) AS x;
    -- pg_trigger.tgargs holds the arguments NUL-terminated.
    SELECT string_agg(convert_to(a, 'UTF8') || '\x00'::bytea, ''::bytea) INTO wanted
      FROM (SELECT f ->> 'module' AS a UNION ALL SELECT f ->> 'key' UNION ALL SELECT jsonb_array_elements_text(f -> 'cols')) AS x;
    CONTINUE WHEN EXISTS (SELECT 1 FROM pg_trigger
      WHERE tgrelid = to_regclass(quote_ident(f ->> 'tbl')) AND tgname = 'translation_units_refresh' AND tgargs = wanted);
    EXECUTE format('CREATE OR REPLACE TRIGGER translation_units_refresh AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION translation_units_refresh(%s)', f ->> 'tbl', args);
    EXECUTE format('CREATE OR REPLACE TRIGGER translation_units_truncated AFTER TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION translation_units_truncated()', f ->> 'tbl');
    DELETE FROM translation_units WHERE tbl = f ->> 'tbl';
    FOR c IN SELECT jsonb_array_elements_text(f -> 'cols') LOOP
      EXECUTE format('SELECT translation_units_sync(%L, %L, %I::text, %L, %I) FROM %I',
                     f ->> 'tbl', f ->> 'module', f ->> 'key', c, c, f ->> 'tbl');
    END LOOP;
    installed := installed + 1;
  END LOOP;
  RETURN installed;
END $$;

-- 3. Settings per language: what public pages show, and whether approving needs a second person.
CREATE TABLE translation_language_settings (
  lang            text PRIMARY KEY CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  public_shows    text NOT NULL DEFAULT 'machine' CHECK (public_shows IN ('approved', 'human', 'machine')),
  second_approval boolean NOT NULL DEFAULT false,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      integer REFERENCES users ON DELETE SET NULL
);
INSERT INTO translation_language_settings (lang) VALUES ('en'), ('fr'), ('es'), ('ko');

-- The languages a translator works in (editors work in all).
CREATE TABLE translator_languages (
  user_id integer NOT NULL REFERENCES users ON DELETE CASCADE,
  lang    text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  PRIMARY KEY (user_id, lang)
);

-- When each translator was last sent the digest of new work.
CREATE TABLE translation_digests (
  user_id      integer PRIMARY KEY REFERENCES users ON DELETE CASCADE,
  last_sent_at timestamptz NOT NULL
);
