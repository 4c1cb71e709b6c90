CREATE SCHEMA pumlog;
CREATE TABLE pumlog.thing (id int PRIMARY KEY);
