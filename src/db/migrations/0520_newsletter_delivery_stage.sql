-- How far a delivery's SMTP exchange got, committed before each step that matters (see
-- docs/decisions/0520-newsletter-exactly-once.md): `claimed` (taken by a sender, nothing sent yet) and
-- `data_ended` (committed just before the final "." of DATA: only from here can a server hold
-- the message). A sender that dies leaves the stage behind: `claimed` rows are resent,
-- `data_ended` ones are not. NULL on rows that are not being sent (and on rows left `sending`
-- by a sender older than this column, which keep the old at-most-once treatment).
ALTER TABLE newsletter_deliveries
  ADD COLUMN stage text CHECK (stage IN ('claimed', 'data_ended'));
