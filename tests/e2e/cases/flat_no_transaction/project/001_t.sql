CREATE TABLE t (id int, a int, b int);
INSERT INTO t SELECT g, g, g FROM generate_series(1, 100) g;
