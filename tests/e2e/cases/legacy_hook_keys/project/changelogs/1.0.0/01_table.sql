CREATE SCHEMA pum_test_data;
CREATE TABLE pum_test_data.some_table (id serial PRIMARY KEY);
