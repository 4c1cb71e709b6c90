CREATE SCHEMA pum_test_app;
CREATE VIEW pum_test_app.some_view AS SELECT id FROM pum_test_data.some_table;
