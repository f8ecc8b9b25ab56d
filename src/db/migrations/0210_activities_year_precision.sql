-- Year precision: the seed documents date some participations only by their year ("the 9th World
-- Urban Forum", "the 2017 SDG training in Incheon"). Such a date is stored as 1 January of its
-- year; a range of years ends on 1 January of its last year (like month precision, which stores
-- the 1st of the month). The CHECK keeps a year-precision row from ever carrying a day or month.

ALTER TABLE activities DROP CONSTRAINT activities_date_precision_check;
ALTER TABLE activities
  ADD CONSTRAINT activities_date_precision_check CHECK (date_precision IN ('day', 'month', 'year')),
  ADD CONSTRAINT activities_year_precision_check CHECK (
    date_precision <> 'year'
    OR (extract(month FROM start_date) = 1 AND extract(day FROM start_date) = 1
        AND extract(month FROM end_date) = 1 AND extract(day FROM end_date) = 1)
  );
