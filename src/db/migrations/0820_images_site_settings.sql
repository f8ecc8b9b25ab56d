-- Images shown on public pages (issue 18): one row per uploaded picture, its alt text in at least
-- the uploader's language, and the sizes and formats made from it (served with srcset).
CREATE TABLE images (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Of the largest size made (never larger than the upload: images are not enlarged).
  width       integer NOT NULL CHECK (width > 0),
  height      integer NOT NULL CHECK (height > 0),
  alt         jsonb NOT NULL CHECK (is_translatable(alt)),
  created_by  integer REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Each size in each format, stored through FileStorage (so in backups and the sweep's list).
CREATE TABLE image_variants (
  image_id  integer NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  format    text NOT NULL CHECK (format IN ('avif', 'webp', 'jpeg', 'png')),
  width     integer NOT NULL CHECK (width > 0),
  height    integer NOT NULL CHECK (height > 0),
  bytes     integer NOT NULL CHECK (bytes > 0),
  file_key  text NOT NULL UNIQUE,
  PRIMARY KEY (image_id, format, width)
);

-- What the secretariat sets about the site itself. At most one row (id 1); no row means the
-- defaults (and keeps a fresh database empty, as restore expects).
CREATE TABLE site_settings (
  id             integer PRIMARY KEY CHECK (id = 1),
  short_name     text NOT NULL CHECK (char_length(short_name) BETWEEN 1 AND 40),
  brand_colour   text CHECK (brand_colour ~ '^#[0-9a-f]{6}$'),
  accent_colour  text CHECK (accent_colour ~ '^#[0-9a-f]{6}$'),
  logo_image_id  integer REFERENCES images(id) ON DELETE SET NULL,
  updated_by     integer REFERENCES users(id) ON DELETE SET NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE activities ADD COLUMN photo_image_id integer REFERENCES images(id) ON DELETE SET NULL;
ALTER TABLE members ADD COLUMN logo_image_id integer REFERENCES images(id) ON DELETE SET NULL;
ALTER TABLE news_items ADD COLUMN image_id integer REFERENCES images(id) ON DELETE SET NULL;
