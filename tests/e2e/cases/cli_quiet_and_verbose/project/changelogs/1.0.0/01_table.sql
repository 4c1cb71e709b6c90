CREATE SCHEMA vb;
CREATE TABLE vb.marker_table_for_sql_log (id integer PRIMARY KEY);
