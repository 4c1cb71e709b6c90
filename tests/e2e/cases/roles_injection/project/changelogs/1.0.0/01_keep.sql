CREATE SCHEMA roles_s1;
CREATE TABLE roles_s1.keep (id integer);
