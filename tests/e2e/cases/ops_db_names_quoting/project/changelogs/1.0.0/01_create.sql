CREATE SCHEMA quoting_data;
CREATE TABLE quoting_data.item (id integer PRIMARY KEY, label text);
INSERT INTO quoting_data.item VALUES (1, 'kept through every tool');
