INSERT INTO fo.seen (file) VALUES ('a.sql');
