-- The one search (issue 6). Text search configurations that ignore accents: a copy of each
-- language's stemmer with unaccent in front ("economie" meets "économies"), and a `simple` one for
-- other languages and for Korean, which is indexed as character bigrams computed in TypeScript.
CREATE TEXT SEARCH CONFIGURATION passerelle_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION passerelle_en
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION passerelle_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION passerelle_fr
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION passerelle_es (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION passerelle_es
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION passerelle_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION passerelle_simple
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;

-- One row per searchable item, as its module describes it (src/search/types.ts).
CREATE TABLE search_documents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  source_id integer NOT NULL,
  slug text NOT NULL,
  path text NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('public', 'members')),
  date date,
  region text,
  themes text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  titles jsonb NOT NULL,
  summaries jsonb NOT NULL DEFAULT '{}',
  -- Names and titles, lower-case without accents, for typo-tolerant matching with trigrams.
  names text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, source_id)
);
CREATE INDEX search_documents_names_trgm ON search_documents USING gin (names gin_trgm_ops);
CREATE INDEX search_documents_recent ON search_documents (visibility, date DESC NULLS LAST, updated_at DESC);

-- One row per (document, language of its text): the weighted tsvector built with that language's
-- configuration (title A, summary B, body C, names D). Facet columns are copied here so a search
-- reads this table alone; `score` is a static order (newer first) used to cap the candidates of a
-- very common word before ranking them.
CREATE TABLE search_texts (
  document_id bigint NOT NULL REFERENCES search_documents (id) ON DELETE CASCADE,
  lang text NOT NULL,
  kind text NOT NULL,
  visibility text NOT NULL,
  year smallint,
  region text,
  themes text[] NOT NULL DEFAULT '{}',
  score real NOT NULL DEFAULT 0,
  -- The text shown in snippets (summary and the start of the body), never the whole body.
  excerpt text NOT NULL DEFAULT '',
  tsv tsvector NOT NULL,
  PRIMARY KEY (document_id, lang)
);
CREATE INDEX search_texts_tsv ON search_texts USING gin (tsv);
CREATE INDEX search_texts_score ON search_texts (score DESC);
