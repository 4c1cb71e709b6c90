CREATE SCHEMA pipes_app;
