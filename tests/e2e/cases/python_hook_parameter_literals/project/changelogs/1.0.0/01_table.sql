CREATE SCHEMA pum_test_data;
CREATE TABLE pum_test_data.rendered (source text PRIMARY KEY, literals text NOT NULL);
