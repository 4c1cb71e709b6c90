INSERT INTO hooks.runs (kind) VALUES ('1.0.0');
