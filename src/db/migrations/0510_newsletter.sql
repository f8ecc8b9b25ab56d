-- The monthly newsletter (issue 7): issues, their ordered sections, one edition per language with
-- its translation state, and one delivery row per subscriber per issue. Subscribers and news items
-- are in 0500; an issue only points at them.

CREATE TABLE newsletter_issues (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number           integer NOT NULL UNIQUE CHECK (number > 0),
  -- The public address of the web version: the month (2026-11), with a suffix for a second issue.
  slug             text NOT NULL UNIQUE CHECK (slug ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{1,2})?$'),
  -- "Upcoming events" are the events from this day on.
  issue_date       date NOT NULL,
  -- The edition translations are made from; changing its texts raises source_revision, which makes
  -- every translation saved against an earlier revision outdated.
  source_lang      text NOT NULL CHECK (source_lang IN ('en', 'fr', 'es', 'ko')),
  source_revision  integer NOT NULL DEFAULT 1 CHECK (source_revision > 0),
  -- Subscribers of a skipped language receive this edition instead.
  fallback_lang    text NOT NULL CHECK (fallback_lang IN ('en', 'fr', 'es', 'ko')),
  events_count     integer NOT NULL DEFAULT 5 CHECK (events_count BETWEEN 0 AND 20),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
  scheduled_at     timestamptz,
  sent_at          timestamptz,
  created_by       integer REFERENCES users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL),
  CHECK (status <> 'sent' OR sent_at IS NOT NULL)
);

-- One per language. "missing" is the absence of a row; "outdated" is computed (a translation whose
-- based_on_revision is below the issue's source_revision), so it can never be forgotten.
CREATE TABLE newsletter_editions (
  issue_id           integer NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
  lang               text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  status             text NOT NULL CHECK (status IN ('draft', 'ready', 'skipped')),
  -- A mail header: one line, never a control character (no header injection even from the database).
  subject            text NOT NULL DEFAULT '' CHECK (length(subject) <= 200 AND subject !~ '[[:cntrl:]]'),
  intro              text NOT NULL DEFAULT '' CHECK (length(intro) <= 5000),
  based_on_revision  integer NOT NULL,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issue_id, lang)
);

-- Ordered sections. Texts of "important" and "text" sections per language: {lang: {title, body}}.
-- "news" lists accepted news items (news_ids, in that order); "member" introduces a member of the
-- directory; "events" is filled from the calendar when the issue is rendered.
CREATE TABLE newsletter_sections (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  issue_id   integer NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
  position   integer NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('important', 'news', 'member', 'events', 'text')),
  texts      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(texts) = 'object'),
  member_slug text,
  news_ids   integer[] NOT NULL DEFAULT '{}',
  UNIQUE (issue_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- One row per subscriber per issue, written in one transaction when sending starts. UNIQUE
-- (issue_id, subscriber_id) makes a second message to the same person impossible to even record;
-- the status machine (queued → sending → sent/failed/bounced, committed before and after the SMTP
-- exchange) is what keeps the sender from sending twice. See docs/architecture.md "Newsletter".
CREATE TABLE newsletter_deliveries (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  issue_id       integer NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
  subscriber_id  integer NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  email          text NOT NULL,
  lang           text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled')),
  attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  retry_after    timestamptz,
  sending_at     timestamptz,
  last_error     text,
  -- Why a row is in its state when it is not plain: "unconfirmed" (the process stopped during the
  -- SMTP exchange), "unsubscribed before sending".
  note           text,
  -- Deterministic per (issue, subscriber): <newsletter-ISSUE-SUBSCRIBER@host>.
  message_id     text NOT NULL UNIQUE,
  sent_at        timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issue_id, subscriber_id),
  CHECK (status <> 'sending' OR sending_at IS NOT NULL)
);
CREATE INDEX newsletter_deliveries_pending ON newsletter_deliveries (issue_id, id) WHERE status IN ('queued', 'sending');
CREATE INDEX newsletter_deliveries_email ON newsletter_deliveries (email);
