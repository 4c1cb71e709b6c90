CREATE SCHEMA app_data;
CREATE TABLE app_data.t (id integer PRIMARY KEY);
