CREATE SCHEMA legacy;
CREATE TABLE legacy.member (id integer PRIMARY KEY, name text);
