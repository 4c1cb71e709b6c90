CREATE SCHEMA demo_err;
CREATE TABLE demo_err.item (id integer PRIMARY KEY, n integer);
