CREATE SCHEMA hook_app;
