CREATE SCHEMA se;
CREATE TABLE se.first (id integer);
