ALTER TABLE inventory.item ADD COLUMN added_on timestamp DEFAULT now();
