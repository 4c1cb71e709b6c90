-- Two COPY blocks; the second one has a bad value on line 9.
COPY demo_err.item (id, n) FROM stdin;
1	10
2	20
\.

COPY demo_err.item (id, n) FROM stdin;
3	30
4	forty
\.
