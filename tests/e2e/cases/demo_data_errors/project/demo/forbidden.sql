COPY demo_err.item (id, n) FROM stdin;
1	COMMIT;
\.
COMMIT;
