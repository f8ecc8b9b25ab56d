-- translation_unit_counts held one row per (module, language, state), updated by a row trigger for
-- every unit written. A statement writing many units (a bulk import, deleting many initiatives)
-- updated the same few rows again and again in one transaction, and each update walks every
-- version the transaction made before it: quadratic (4,000 initiatives deleted: 6 s; 49,000: over
-- 8 minutes). The trigger now appends a delta (+1, -1) instead; readers sum them, and a job folds
-- them back into one row per key every few minutes (translation_unit_counts_compact).

ALTER TABLE translation_unit_counts DROP CONSTRAINT translation_unit_counts_pkey;
ALTER TABLE translation_unit_counts DROP CONSTRAINT translation_unit_counts_n_check;
CREATE INDEX translation_unit_counts_key ON translation_unit_counts (lang, state, module);

CREATE OR REPLACE FUNCTION translation_units_count() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- An upsert that leaves module, language and state as they were changes no count.
  IF TG_OP = 'UPDATE' AND (OLD.module, OLD.lang, OLD.state) = (NEW.module, NEW.lang, NEW.state) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO translation_unit_counts (module, lang, state, n) VALUES (OLD.module, OLD.lang, OLD.state, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO translation_unit_counts (module, lang, state, n) VALUES (NEW.module, NEW.lang, NEW.state, 1);
  END IF;
  RETURN NULL;
END $$;

-- Folds the deltas into one row per key, in one statement: rows appended meanwhile by other
-- transactions are not in its snapshot and stay as they are; keys summing to zero go.
CREATE FUNCTION translation_unit_counts_compact() RETURNS integer
LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM translation_unit_counts RETURNING module, lang, state, n),
  folded AS (INSERT INTO translation_unit_counts (module, lang, state, n)
    SELECT module, lang, state, sum(n) FROM gone GROUP BY module, lang, state HAVING sum(n) <> 0 RETURNING 1)
  SELECT (SELECT count(*) FROM gone)::integer - (SELECT count(*) FROM folded)::integer
$$;
