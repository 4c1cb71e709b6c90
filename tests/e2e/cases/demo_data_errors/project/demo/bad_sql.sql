COPY demo_err.item (id, n) FROM stdin;
1	10
\.

INSERT INTO demo_err.item (id, n)
VALUES (2, 20);
SELECT n FROM demo_err.item WHERE nope = 1;
