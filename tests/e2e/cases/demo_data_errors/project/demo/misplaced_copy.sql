SELECT 1;
COPY demo_err.item (id, n) FROM stdin; SELECT 2;
1	1
\.
