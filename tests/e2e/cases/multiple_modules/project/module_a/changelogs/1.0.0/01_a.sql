CREATE SCHEMA mod_a;
CREATE TABLE mod_a.t (id integer PRIMARY KEY);
