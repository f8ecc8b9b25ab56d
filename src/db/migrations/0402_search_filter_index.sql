-- One GIN index for the words and the facet columns together (btree_gin gives GIN the scalar
-- columns). A common word filtered by region and year is then one index scan whose lists are
-- intersected as they are read, where separate indexes each built a bitmap of every row of the
-- region, the year and the word (20 ms for a common word at 100,000 items; 4 ms this way).
-- fastupdate off: new rows go straight into the index rather than into a pending list that every
-- search would read whole, once per form of its query, until a vacuum merged it (190 ms instead of
-- 25 ms for a query with twenty forms after a bulk import).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX search_texts_match ON search_texts USING gin (tsv, kind, lang, year, region, themes) WITH (fastupdate = off);
DROP INDEX search_texts_tsv, search_texts_year, search_texts_region, search_texts_kind, search_texts_lang, search_texts_themes;
