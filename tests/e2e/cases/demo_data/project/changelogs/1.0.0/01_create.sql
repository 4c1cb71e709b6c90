CREATE SCHEMA pum_test_data;
CREATE TABLE pum_test_data.some_table (
    id integer PRIMARY KEY,
    name text NOT NULL,
    created date
);
