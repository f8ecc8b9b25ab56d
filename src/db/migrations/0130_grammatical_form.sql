-- Role titles agree with the person who holds them: French and Spanish say "Secrétaire générale",
-- "Secretaria General" for a woman. The form is a fact about the person (people) and, for a seat
-- held by a member, about its representative (mandates.holder_form, which also overrides the
-- person's). NULL: not said, and the catalog's default title is used.
ALTER TABLE people ADD COLUMN grammatical_form text CHECK (grammatical_form IN ('feminine', 'masculine', 'neutral'));
ALTER TABLE mandates ADD COLUMN holder_form text CHECK (holder_form IN ('feminine', 'masculine', 'neutral'));
