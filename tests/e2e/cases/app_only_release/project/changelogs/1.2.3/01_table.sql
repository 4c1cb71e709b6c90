CREATE SCHEMA app_only_data;
CREATE TABLE app_only_data.t (id integer PRIMARY KEY);
