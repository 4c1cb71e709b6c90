COPY demo_hooks.item (id) FROM stdin;
1
2
3
\.
INSERT INTO hooks.runs (kind) VALUES ('demo');
