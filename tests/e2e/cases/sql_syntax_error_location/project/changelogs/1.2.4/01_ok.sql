ALTER TABLE se.first ADD COLUMN name text;
