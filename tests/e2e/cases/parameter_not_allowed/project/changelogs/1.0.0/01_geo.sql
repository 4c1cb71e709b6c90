CREATE SCHEMA geo;
CREATE TABLE geo.place (id integer PRIMARY KEY, srid integer DEFAULT {srid});
