--
-- PostgreSQL database dump
--

\restrict AoNcQek9hbwzFBhhJq2HKybF2MVOwM0Zlo9wdSoitRsWjQrIcqHaWB0OCvyDzBl

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: region; Type: TABLE DATA; Schema: demo_dump; Owner: -
--

COPY demo_dump.region (id, name) FROM stdin;
1	North
2	Süd
3	East; "quoted"
\.


--
-- Data for Name: site; Type: TABLE DATA; Schema: demo_dump; Owner: -
--

COPY demo_dump.site (id, region_id, label, tags, props, created) FROM stdin;
1	1	tab\there	{a,b}	{"k": "v", "n": [1, 2]}	2024-05-01 10:00:00+00
2	2	back\\slash and 'quote'	{}	{"note": "braces {x} stay"}	\N
3	2	\N	\N	\N	2024-05-02 12:30:00+00
4	3	multi\nline	{"with space","with,comma"}	[]	2024-05-03 00:00:00+00
\.


--
-- Name: region_id_seq; Type: SEQUENCE SET; Schema: demo_dump; Owner: -
--

SELECT pg_catalog.setval('demo_dump.region_id_seq', 3, true);


--
-- Name: site_id_seq; Type: SEQUENCE SET; Schema: demo_dump; Owner: -
--

SELECT pg_catalog.setval('demo_dump.site_id_seq', 4, true);


--
-- PostgreSQL database dump complete
--

\unrestrict AoNcQek9hbwzFBhhJq2HKybF2MVOwM0Zlo9wdSoitRsWjQrIcqHaWB0OCvyDzBl

