CREATE SCHEMA vf;
CREATE TABLE vf.seen (seq serial PRIMARY KEY, version text NOT NULL);
INSERT INTO vf.seen (version) VALUES ('1.2');
