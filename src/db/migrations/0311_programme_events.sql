-- The name and dates of an event whose programme the archive holds, kept by the archive itself
-- (the activities module owns events; the programme view only needs a heading).
CREATE TABLE programme_events (
  event_slug  text PRIMARY KEY,
  title       jsonb NOT NULL CHECK (is_translatable(title)),
  starts_on   date,
  ends_on     date,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
