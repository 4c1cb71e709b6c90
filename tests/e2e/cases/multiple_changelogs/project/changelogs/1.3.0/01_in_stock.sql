ALTER TABLE inventory.item ADD COLUMN in_stock boolean DEFAULT true;
