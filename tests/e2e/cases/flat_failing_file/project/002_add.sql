-- Two statements, the second one wrong.
INSERT INTO {{tables.users}} (email) VALUES ('a@example.com');
INSERT INTO {{tables.users}} (nope) VALUES (1);
