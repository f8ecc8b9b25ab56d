-- A notice's subject in each language it exists in (an event's title), so staff read it in their
-- own language; `subject` stays the text shown when the reader's language is missing.
ALTER TABLE staff_notices ADD COLUMN subjects jsonb;
