CREATE TABLE inventory.supplier (
    id serial PRIMARY KEY,
    name text NOT NULL
);
