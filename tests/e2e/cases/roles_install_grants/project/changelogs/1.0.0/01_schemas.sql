-- Two schemas with one object of every kind a permission covers. PUBLIC's default USAGE on
-- types and EXECUTE on routines is taken away, so that only pum's grants can give them.
CREATE SCHEMA roles_s1;
CREATE TABLE roles_s1.t1 (id serial PRIMARY KEY, name text);
CREATE SEQUENCE roles_s1.seq1;
CREATE VIEW roles_s1.v1 AS SELECT id, name FROM roles_s1.t1;
CREATE MATERIALIZED VIEW roles_s1.mv1 AS SELECT id FROM roles_s1.t1;
CREATE FUNCTION roles_s1.f1() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE roles_s1.p1() LANGUAGE sql AS 'SELECT 1';
CREATE TYPE roles_s1.mood AS ENUM ('happy', 'sad');
CREATE TYPE roles_s1.pair AS (a integer, b integer);
CREATE DOMAIN roles_s1.positive AS integer CHECK (VALUE > 0);
REVOKE USAGE ON TYPE roles_s1.mood, roles_s1.pair, roles_s1.positive FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION roles_s1.f1() FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE roles_s1.p1() FROM PUBLIC;

CREATE SCHEMA roles_s2;
CREATE TABLE roles_s2.t2 (id serial PRIMARY KEY, name text);
CREATE SEQUENCE roles_s2.seq2;
CREATE VIEW roles_s2.v2 AS SELECT id, name FROM roles_s2.t2;
CREATE FUNCTION roles_s2.f2() RETURNS integer LANGUAGE sql AS 'SELECT 2';
CREATE TYPE roles_s2.level AS ENUM ('low', 'high');
CREATE TYPE roles_s2.point2 AS (x integer, y integer);
REVOKE USAGE ON TYPE roles_s2.level, roles_s2.point2 FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION roles_s2.f2() FROM PUBLIC;
