CREATE SCHEMA pum_test_data;
CREATE TABLE pum_test_data.some_table (
    id serial PRIMARY KEY,
    name text NOT NULL,
    amount numeric(10, 2),
    is_active boolean DEFAULT true
);
INSERT INTO pum_test_data.some_table (name, amount) VALUES ('first', 1.5), ('second', 2.25);
