INSERT INTO fo.seen (file) VALUES ('2_x.sql');
