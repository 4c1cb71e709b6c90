CREATE SCHEMA fo;
CREATE TABLE fo.seen (seq serial PRIMARY KEY, file text NOT NULL);
INSERT INTO fo.seen (file) VALUES ('10_x.sql');
