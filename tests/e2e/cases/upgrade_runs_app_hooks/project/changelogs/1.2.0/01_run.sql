INSERT INTO hooks.runs (kind) VALUES ('1.2.0');
