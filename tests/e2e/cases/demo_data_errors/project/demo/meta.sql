INSERT INTO demo_err.item VALUES (1, 1);
\connect other_db
INSERT INTO demo_err.item VALUES (2, 2);
