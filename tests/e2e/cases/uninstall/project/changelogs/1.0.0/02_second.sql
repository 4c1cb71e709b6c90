CREATE SCHEMA pum_test_schema_2;
CREATE TABLE pum_test_schema_2.t (id integer);
