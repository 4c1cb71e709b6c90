CREATE SCHEMA pum_test_data;
CREATE TABLE pum_test_data.item (id integer PRIMARY KEY, owner text DEFAULT {owner_name});
