ALTER TABLE inventory.item ADD COLUMN added_by text;
