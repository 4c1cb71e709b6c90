CREATE SCHEMA ph;
CREATE TABLE ph.t (id integer, srid integer DEFAULT {SRID});
