INSERT INTO vf.seen (version) VALUES ('1.02.3');
