CREATE SCHEMA network;

CREATE TABLE network.pipe (
  id serial PRIMARY KEY,
  year integer CONSTRAINT pipe_year_check CHECK (year > 1800),
  value numeric CONSTRAINT pipe_value_check CHECK (value > 0)
);
