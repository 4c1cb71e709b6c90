INSERT INTO vf.seen (version) VALUES ('2025.0.1');
