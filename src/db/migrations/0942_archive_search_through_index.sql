-- The initiatives archive reads its text matches from the site search's index (src/search/matches.ts):
-- each matching document's source id by its id, now from an index alone instead of the wide
-- documents' heap pages. Its own trigram index of migration 0310 is no longer read by any query and
-- only slowed every initiative write; the function stays (tests compare against the old query).
CREATE INDEX search_documents_id_source ON search_documents (id) INCLUDE (source_id);
DROP INDEX IF EXISTS initiatives_search_trgm;
