CREATE SCHEMA tw;
CREATE TABLE tw.words (id integer PRIMARY KEY, w text);

-- COMMIT;
/* BEGIN; ROLLBACK; */
INSERT INTO tw.words VALUES (1, 'BEGIN;');
INSERT INTO tw.words VALUES (2, 'COMMIT;');
INSERT INTO tw.words VALUES (3, 'END; ROLLBACK; SAVEPOINT x; START TRANSACTION;');
INSERT INTO tw.words VALUES (4, $$SELECT pg_catalog.set_config('search_path', '', false);$$);

CREATE FUNCTION tw.one() RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    RETURN 1;
END;
$$;

CREATE TABLE tw."commit" (id integer);
