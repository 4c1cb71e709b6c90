INSERT INTO hooks.runs (kind) VALUES ('1.1.0');
