-- Membership fees: schedules (what a member of a kind, and optionally a region, owes from a year),
-- one fee per member per year, invoices and receipts numbered per (kind, year) without gaps, and
-- the reminders already sent. Amounts are integers in the currency's minor unit (cents).

CREATE TABLE fee_schedules (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_kind   text NOT NULL CHECK (member_kind IN ('local_government', 'sse_network', 'other_organisation', 'honorary', 'partner')),
  -- NULL: every region; a region's own schedule wins over the general one.
  region        text CHECK (region IN ('africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america')),
  from_year     integer NOT NULL CHECK (from_year BETWEEN 2000 AND 2200),
  -- NULL: from from_year on; equal to from_year: that year only.
  to_year       integer CHECK (to_year IS NULL OR to_year >= from_year),
  amount_minor  bigint NOT NULL CHECK (amount_minor >= 0),
  currency      text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_by    integer REFERENCES users ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fee_schedules_kind ON fee_schedules (member_kind, from_year);

-- What a member owes for a year. `overdue` is set by the daily job once the due date has passed.
CREATE TABLE fees (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id          integer NOT NULL REFERENCES members ON DELETE CASCADE,
  year               integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  schedule_id        integer REFERENCES fee_schedules ON DELETE SET NULL,
  amount_minor       bigint NOT NULL CHECK (amount_minor >= 0),
  currency           text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  due_on             date NOT NULL,
  state              text NOT NULL DEFAULT 'due' CHECK (state IN ('due', 'paid', 'waived', 'overdue')),
  paid_on            date,
  payment_reference  text,
  waived_reason      text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, year),
  CHECK ((state = 'paid') = (paid_on IS NOT NULL)),
  CHECK (state <> 'waived' OR waived_reason IS NOT NULL)
);
CREATE INDEX fees_open ON fees (due_on) WHERE state IN ('due', 'overdue');
CREATE INDEX fees_year ON fees (year);

-- The last number given per document kind and year of issue. Taken with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING in the transaction that inserts the document: the row
-- lock serialises issuers, and a rolled-back issue gives its number back, so numbers never skip.
CREATE TABLE fee_document_counters (
  kind         text NOT NULL CHECK (kind IN ('invoice', 'receipt')),
  year         integer NOT NULL,
  last_number  integer NOT NULL CHECK (last_number > 0),
  PRIMARY KEY (kind, year)
);

-- An invoice or a receipt, in the member's language at issue. The PDF is rendered on first download
-- and kept under file_key.
CREATE TABLE fee_documents (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fee_id     integer NOT NULL REFERENCES fees ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('invoice', 'receipt')),
  year       integer NOT NULL,
  number     integer NOT NULL CHECK (number > 0),
  lang       text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ko')),
  file_key   text,
  issued_by  integer REFERENCES users ON DELETE SET NULL,
  issued_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, year, number),
  UNIQUE (fee_id, kind)
);

-- A reminder mailed for a fee: before the due date, and after it. The key makes each one once.
CREATE TABLE fee_reminders (
  fee_id   integer NOT NULL REFERENCES fees ON DELETE CASCADE,
  stage    text NOT NULL CHECK (stage IN ('before', 'after')),
  sent_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fee_id, stage)
);
