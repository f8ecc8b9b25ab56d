-- Newsletter subscribers and news items (issue 7). The newsletter itself (issues, editions,
-- deliveries) lives in later migrations of the 05xx range and builds on these two tables.

CREATE TABLE subscribers (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email             text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254
                                                AND email !~ '[[:space:]<>,;"]'),
  lang              text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  -- Topic slugs from src/subscribers/topics.ts (checked by the application: topics may grow).
  topics            text[] NOT NULL DEFAULT '{}',
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'unsubscribed', 'suspended')),
  -- Stored raw, unlike every other token here: each newsletter message must carry it in its
  -- preference and one-click unsubscribe links (List-Unsubscribe), and a hash cannot be turned back
  -- into a link. It grants only what the links do (see preferences, unsubscribe) and is rotated
  -- when the subscriber unsubscribes and subscribes again.
  preferences_token text NOT NULL UNIQUE CHECK (length(preferences_token) >= 32),
  -- Double opt-in: only the SHA-256 of the confirmation token; cleared once used (single use).
  confirm_token_hash text UNIQUE,
  confirm_sent_at   timestamptz,
  confirm_sends     integer NOT NULL DEFAULT 0 CHECK (confirm_sends >= 0),
  -- { at, method: form|import|footer, text, lang, source } — what the person agreed to, as shown.
  consent           jsonb NOT NULL CHECK (jsonb_typeof(consent) = 'object'
                                          AND consent ->> 'method' IN ('form', 'import', 'footer')
                                          AND consent ? 'at' AND consent ? 'text' AND consent ? 'lang'),
  confirmed_at      timestamptz,
  unsubscribed_at   timestamptz,
  suspended_at      timestamptz,
  -- Why the address was suspended: a permanent bounce, repeated temporary ones, or an editor.
  suspended_reason  text CHECK (suspended_reason IN ('bounce_permanent', 'bounce_repeated', 'editor')),
  bounce_count      integer NOT NULL DEFAULT 0 CHECK (bounce_count >= 0),
  last_bounce_at    timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'active' OR confirmed_at IS NOT NULL),
  CHECK (status <> 'suspended' OR suspended_at IS NOT NULL)
);
CREATE INDEX subscribers_active_topics ON subscribers USING gin (topics) WHERE status = 'active';
CREATE INDEX subscribers_status ON subscribers (status, id);

-- News submitted by members and the communication working group, or written by editors
-- (announcements). Texts are plain paragraphs (blank line between them): no markup to sanitise.
CREATE TABLE news_items (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
  kind          text NOT NULL DEFAULT 'news' CHECK (kind IN ('news', 'announcement')),
  title         jsonb NOT NULL CHECK (is_translatable(title)),
  summary       jsonb NOT NULL CHECK (is_translatable(summary)),
  body          jsonb NOT NULL DEFAULT '{}' CHECK (body = '{}'::jsonb OR is_translatable(body)),
  -- An image stored through FileStorage, its type detected from the content.
  image_key     text,
  image_mime    text CHECK (image_mime IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
  image_alt     jsonb NOT NULL DEFAULT '{}' CHECK (image_alt = '{}'::jsonb OR is_translatable(image_alt)),
  link          text CHECK (link ~ '^https?://[^\s]+$' AND length(link) <= 2000),
  source_lang   text NOT NULL CHECK (source_lang IN ('en', 'fr', 'es', 'ko')),
  status        text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'changes_requested', 'accepted', 'declined')),
  submitted_by  integer REFERENCES users (id) ON DELETE SET NULL,
  -- Set when accepted: accepted news are public pages, ordered by this date.
  published_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'accepted') = (published_at IS NOT NULL)),
  CHECK ((image_key IS NULL) = (image_mime IS NULL))
);
CREATE INDEX news_items_published ON news_items (published_at DESC, id DESC) WHERE status = 'accepted';
CREATE INDEX news_items_status ON news_items (status, updated_at);
CREATE INDEX news_items_submitted_by ON news_items (submitted_by);

-- The review thread of a news item: every step with its comment, in order.
CREATE TABLE news_reviews (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  news_id     integer NOT NULL REFERENCES news_items (id) ON DELETE CASCADE,
  reviewer_id integer REFERENCES users (id) ON DELETE SET NULL,
  action      text NOT NULL CHECK (action IN ('submitted', 'resubmitted', 'changes_requested', 'accepted', 'declined', 'comment')),
  comment     text NOT NULL DEFAULT '' CHECK (length(comment) <= 5000),
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX news_reviews_news ON news_reviews (news_id, at, id);
