CREATE SCHEMA pum_test_data;
CREATE TABLE pum_test_data.some_table (
    id serial PRIMARY KEY,
    name text,
    created_date date DEFAULT current_date,
    is_active boolean DEFAULT true
);
INSERT INTO pum_test_data.some_table (name, is_active) VALUES ('one', true), ('two', false);
