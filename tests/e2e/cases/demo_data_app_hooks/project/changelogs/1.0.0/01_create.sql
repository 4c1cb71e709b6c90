CREATE SCHEMA demo_hooks;
CREATE TABLE demo_hooks.item (id integer PRIMARY KEY);
