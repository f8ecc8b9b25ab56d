-- Organisations: one record per real organisation, shared by members, partners and organisers of
-- activities, and the organisations behind initiatives. Deduplicated by name and place.

CREATE TABLE organisations (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        jsonb NOT NULL CHECK (is_translatable(name)),
  -- Accent- and case-free original name, city and country: two spellings of one organisation meet here.
  dedup_key   text NOT NULL UNIQUE,
  kind        text NOT NULL DEFAULT 'other' CHECK (kind IN ('local_government', 'sse_network', 'international_organisation',
                                                          'research', 'enterprise', 'public_agency', 'other')),
  city        text,
  country     char(2),
  region      text CHECK (region IN ('africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america')),
  latitude    double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude   double precision CHECK (longitude BETWEEN -180 AND 180),
  website     text CHECK (website ~ '^https?://'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_country ON organisations (country);
CREATE INDEX organisations_name_trgm ON organisations USING gin ((name::text) gin_trgm_ops);
