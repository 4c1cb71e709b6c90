CREATE SCHEMA pum_test_data;
CREATE TABLE pum_test_data.hook_log (id serial PRIMARY KEY, message text NOT NULL);
