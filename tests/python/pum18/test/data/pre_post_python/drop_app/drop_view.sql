

DROP VIEW IF EXISTS pum_test_app.some_view;
