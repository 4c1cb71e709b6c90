BEGIN;

INSERT INTO {{tables.users}} (email) VALUES ('admin@example.com');

COMMIT;
