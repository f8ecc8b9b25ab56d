-- Attachments of outgoing mail (an event's .ics, for instance): a JSON array of
-- {filename, contentType, content} with text content, sent with the message.
ALTER TABLE outgoing_mail
  ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array');
