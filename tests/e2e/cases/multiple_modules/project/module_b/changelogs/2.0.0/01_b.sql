CREATE SCHEMA mod_b;
CREATE TABLE mod_b.t (id integer PRIMARY KEY);
