ALTER TABLE mm.t ADD COLUMN name text;
