BEGIN;

CREATE TABLE {{tables.a}} (id int);

COMMIT;