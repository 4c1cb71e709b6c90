CREATE SCHEMA pum_test_app;
CREATE VIEW pum_test_app.v AS
    SELECT id, nme FROM pum_test_data.some_table;
