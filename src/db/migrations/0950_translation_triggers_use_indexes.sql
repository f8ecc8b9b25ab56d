-- The translation triggers compared the units' and sources' `tbl` with TG_TABLE_NAME, a `name`
-- whose collation is "C"; passed on as text it kept that collation, which is not the database's,
-- so no index on (tbl, …) could serve the lookups: every write of a translatable row read the whole
-- of translation_units and translation_sources (7 ms a field at 50,000 units, growing with them).
-- The table's name now goes through a text variable, which has the database's collation.

CREATE OR REPLACE FUNCTION translation_units_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  module text := TG_ARGV[0];
  key_col text := TG_ARGV[1];
  table_name text := TG_TABLE_NAME;
  new_row jsonb;
  old_row jsonb;
  i integer;
  c text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN new_row := to_jsonb(NEW); END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND old_row ->> key_col IS DISTINCT FROM new_row ->> key_col) THEN
    DELETE FROM translation_units WHERE tbl = table_name AND row_key = old_row ->> key_col;
    IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
    old_row := NULL;
  END IF;
  FOR i IN 2 .. TG_NARGS - 1 LOOP
    c := TG_ARGV[i];
    IF old_row IS NULL OR old_row -> c IS DISTINCT FROM new_row -> c THEN
      PERFORM translation_units_sync(table_name, module, new_row ->> key_col, c, new_row -> c);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION translation_units_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  table_name text := TG_TABLE_NAME;
BEGIN
  DELETE FROM translation_units WHERE tbl = table_name;
  RETURN NULL;
END $$;
