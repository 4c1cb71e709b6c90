CREATE SCHEMA pum_test_data;
CREATE TABLE pum_test_data.some_table (id int PRIMARY KEY, name text, is_active boolean);
INSERT INTO pum_test_data.some_table VALUES (1, 'one', TRUE), (2, 'two', FALSE);
