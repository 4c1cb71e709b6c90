\restrict abcDEF123xyz
--
-- Written the way pg_dump --data-only writes: settings header, COPY blocks, meta-commands.
--

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET client_min_messages = warning;

COPY demo_copy.item (id, label, note, tags, doc) FROM stdin;
1	tab\there	\N	{a,b}	{"k": "v"}
2	back\\slash	C:\\path\\file	{}	{"quote": "it's"}
3	ünïcödé ✓ 日本	line\nbreak	{"x y"}	[1, 2]
4	semi;colon 'quote' "dq"	-- not a comment	\N	\N
5	\\.	{label_prefix}	\N	\N
\.

INSERT INTO demo_copy.item (id, label) VALUES (100, {label_prefix} || '-sql');

COPY demo_copy.item (id, label) FROM stdin;
6	second block
\.

\unrestrict abcDEF123xyz
