-- Words of titles and names (lower case, no accents), for "did you mean": a query that finds
-- nothing has each unknown word replaced by the closest known one (trigram similarity over this
-- small table, rather than over every document's text, which is slow for common trigrams).
CREATE TABLE search_words (
  word text PRIMARY KEY
);
CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops);

-- Facet filters on a common word: the GIN matches AND-ed with these in one bitmap, so only rows
-- that pass both are read.
CREATE INDEX search_texts_year ON search_texts (year);
CREATE INDEX search_texts_region ON search_texts (region);
CREATE INDEX search_texts_kind ON search_texts (kind);
CREATE INDEX search_texts_lang ON search_texts (lang);
CREATE INDEX search_texts_themes ON search_texts USING gin (themes);

-- A search reads a few hundred rows: starting parallel workers would cost more than it saves (and
-- the plan of the path a query does not take would still start them).
ALTER TABLE search_texts SET (parallel_workers = 0);
