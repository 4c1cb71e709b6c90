CREATE SCHEMA pum_test_schema_1;
CREATE TABLE pum_test_schema_1.t (id integer);
