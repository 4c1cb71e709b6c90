CREATE SCHEMA pum_test_app;
