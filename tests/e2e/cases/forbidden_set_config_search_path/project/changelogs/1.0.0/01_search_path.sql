CREATE SCHEMA sp;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE sp.t (id integer);
