CREATE SCHEMA fc;
CREATE TABLE fc.t (id integer);
COMMIT;
CREATE TABLE fc.u (id integer);
