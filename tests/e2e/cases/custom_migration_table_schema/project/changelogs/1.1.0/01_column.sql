ALTER TABLE app_data.t ADD COLUMN name text;
