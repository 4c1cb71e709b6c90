ALTER TABLE cf.t ADD COLUMN name text;
