-- The newsletter's "calls" section (issue 12): the calls for initiatives open on the issue's date,
-- drawn from the calls module as the "events" section draws upcoming events.
ALTER TABLE newsletter_sections DROP CONSTRAINT newsletter_sections_kind_check;
ALTER TABLE newsletter_sections ADD CONSTRAINT newsletter_sections_kind_check
  CHECK (kind IN ('important', 'news', 'member', 'events', 'calls', 'text'));
