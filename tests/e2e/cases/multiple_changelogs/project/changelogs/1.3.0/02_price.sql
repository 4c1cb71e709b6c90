ALTER TABLE inventory.item ADD COLUMN price numeric(10, 2);
