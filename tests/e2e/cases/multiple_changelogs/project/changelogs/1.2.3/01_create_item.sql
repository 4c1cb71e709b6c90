CREATE SCHEMA inventory;
CREATE TABLE inventory.item (
    id serial PRIMARY KEY,
    label text NOT NULL
);
