CREATE SCHEMA IF NOT EXISTS pum_test_schema_1;

CREATE TABLE pum_test_schema_1.test_table (
    id INT PRIMARY KEY,
    name VARCHAR(100)
);
