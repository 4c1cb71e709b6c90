ALTER TABLE {{tables.items}} ADD COLUMN price numeric;
