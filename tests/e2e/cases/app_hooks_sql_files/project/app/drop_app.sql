-- the application layer is rebuilt from scratch on every run
DROP SCHEMA IF EXISTS pum_test_app CASCADE;
