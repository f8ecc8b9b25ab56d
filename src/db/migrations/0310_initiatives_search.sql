-- Text search within the initiatives archive: the searched text of an initiative (title, summary,
-- city, presenters; lower-case, accents removed) as an immutable expression, GIN-indexed with
-- trigrams so that `LIKE '%words%'` (substring matching, in every language incl. Korean) uses the
-- index instead of reading every row. Organisation names are matched in their own table.

CREATE FUNCTION initiative_search_text(title jsonb, summary jsonb, city text, presenters jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.unaccent('public.unaccent'::regdictionary,
    lower(title::text || ' ' || coalesce(summary::text, '') || ' ' || coalesce(city, '') || ' ' || presenters::text))
$$;

CREATE FUNCTION unaccent_lower(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.unaccent('public.unaccent'::regdictionary, lower(value))
$$;

CREATE INDEX initiatives_search_trgm ON initiatives
  USING gin (initiative_search_text(title, summary, city, presenters) gin_trgm_ops);
CREATE INDEX organisations_name_search_trgm ON organisations
  USING gin (unaccent_lower(name::text) gin_trgm_ops);
