CREATE SCHEMA geo;
CREATE TABLE geo.a (id integer PRIMARY KEY, srid integer DEFAULT {srid});
