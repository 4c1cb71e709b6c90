ALTER TABLE legacy.member ADD COLUMN email text;
