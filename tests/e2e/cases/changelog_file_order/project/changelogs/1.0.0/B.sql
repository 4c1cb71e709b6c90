INSERT INTO fo.seen (file) VALUES ('B.sql');
