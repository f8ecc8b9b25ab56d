-- Two roles limited to what they are invited to: reviewers of calls for initiatives (only the calls
-- that invite them) and translators (only the languages they are given).
ALTER TABLE users DROP CONSTRAINT users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (roles <@ ARRAY['member_contact', 'editor', 'reviewer',
  'steering_committee', 'admin', 'call_reviewer', 'translator']::text[]);
