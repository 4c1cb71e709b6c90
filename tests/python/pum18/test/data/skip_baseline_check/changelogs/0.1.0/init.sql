CREATE SCHEMA IF NOT EXISTS pum_test_data;

CREATE TABLE pum_test_data.baseline_test (
    id INT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
