CREATE SCHEMA meter;

CREATE TABLE meter.reading (
  id serial PRIMARY KEY,
  value numeric NOT NULL,
  srid integer NOT NULL DEFAULT {srid} CHECK (srid = {srid}),
  unit text NOT NULL DEFAULT {unit}
);
