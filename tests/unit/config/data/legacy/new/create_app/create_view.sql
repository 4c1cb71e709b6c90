CREATE VIEW pum_test_app.some_view AS SELECT 1 AS a;
