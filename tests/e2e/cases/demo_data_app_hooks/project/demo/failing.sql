INSERT INTO hooks.runs (kind) VALUES ('demo');
SELECT 1/0;
