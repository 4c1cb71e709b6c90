-- Schema, table and type names that only work quoted.
CREATE SCHEMA "schéma";
CREATE TABLE "schéma"."Table-1" (id integer);
CREATE TYPE "schéma"."Mood Type" AS ENUM ('ok');
REVOKE USAGE ON TYPE "schéma"."Mood Type" FROM PUBLIC;
CREATE SCHEMA "Schema Two";
CREATE TABLE "Schema Two"."it's" (id integer);
