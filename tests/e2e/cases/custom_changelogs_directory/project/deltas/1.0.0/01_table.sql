CREATE SCHEMA custom_dir;
CREATE TABLE custom_dir.t (id integer PRIMARY KEY);
