ALTER TABLE legacy.member ADD COLUMN is_active boolean NOT NULL DEFAULT true;
