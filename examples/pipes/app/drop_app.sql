-- Drops the application layer; app/create_app.sql builds it again.
DROP SCHEMA IF EXISTS pipes_app CASCADE;
