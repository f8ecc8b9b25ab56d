-- The archive listing holds every initiative's facet values and place in the listing order in
-- memory (initiatives/archive-index.ts) and reads them again when this number moves. It moves in
-- the transaction of every change to a facet value or to the order, so it becomes visible with that
-- change: a reader never holds an old snapshot under a new number. Column lists: translating a title
-- or a summary does not move it.
CREATE TABLE initiative_archive_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  n bigint NOT NULL DEFAULT 0
);
INSERT INTO initiative_archive_version DEFAULT VALUES;

-- Moved at commit (deferred), once per transaction: the version row is locked only while the
-- transaction commits, so an import and an editor's save touching the same initiatives cannot
-- deadlock on it, as they could if each statement locked it as soon as it ran.
CREATE FUNCTION initiative_archive_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('passerelle.archive_moved_in', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
    UPDATE initiative_archive_version SET n = n + 1;
    PERFORM set_config('passerelle.archive_moved_in', pg_current_xact_id()::text, true);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER archive_moved AFTER INSERT OR DELETE
  OR UPDATE OF id, event_slug, code, country, region, themes, organisation_id, workshop_id
  ON initiatives DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION initiative_archive_moved();
-- A new organisation, workshop or session has no initiative yet: linking one updates `initiatives`.
CREATE CONSTRAINT TRIGGER archive_moved AFTER DELETE OR UPDATE OF id, kind
  ON organisations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION initiative_archive_moved();
CREATE CONSTRAINT TRIGGER archive_moved AFTER DELETE OR UPDATE OF id, code, session_id
  ON programme_workshops DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION initiative_archive_moved();
CREATE CONSTRAINT TRIGGER archive_moved AFTER DELETE OR UPDATE OF id, code
  ON programme_sessions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION initiative_archive_moved();
-- TRUNCATE has no rows (and locks the whole table anyway).
CREATE TRIGGER archive_truncated AFTER TRUNCATE ON initiatives FOR EACH STATEMENT EXECUTE FUNCTION initiative_archive_moved();
CREATE TRIGGER archive_truncated AFTER TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION initiative_archive_moved();
CREATE TRIGGER archive_truncated AFTER TRUNCATE ON programme_workshops FOR EACH STATEMENT EXECUTE FUNCTION initiative_archive_moved();
CREATE TRIGGER archive_truncated AFTER TRUNCATE ON programme_sessions FOR EACH STATEMENT EXECUTE FUNCTION initiative_archive_moved();
