CREATE SCHEMA IF NOT EXISTS pum_test_schema_2;

CREATE TABLE pum_test_schema_2.another_table (
    id INT PRIMARY KEY,
    value TEXT
);
