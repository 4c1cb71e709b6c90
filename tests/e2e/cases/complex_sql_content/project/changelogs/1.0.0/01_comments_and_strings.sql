-- A header comment; with a semicolon and a 'quote
/* A block comment; with 'quotes" and -- dashes */
/* outer /* nested; comment */ still inside the outer comment; */
CREATE SCHEMA cx;

CREATE TABLE cx.note (
    id integer PRIMARY KEY,   -- trailing comment; with a semicolon and a 'quote
    body text NOT NULL
);

-- SELECT pg_catalog.set_config('search_path', '', false);
-- BEGIN;

INSERT INTO cx.note (id, body) VALUES (1, 'a -- not a comment; really');
INSERT INTO cx.note (id, body) VALUES (2, 'it''s; /* not a comment */ here');
INSERT INTO cx.note (id, body) VALUES (3, E'escaped \' quote; and a backslash \\');
INSERT INTO cx.note (id, body) VALUES (4, U&'d\0061t\+000061;');
INSERT INTO cx.note (id, body) VALUES (5, $$dollar; 'quoted' -- text$$);
INSERT INTO cx.note (id, body) VALUES (6, $tag$with $$ inside; $tag$);
INSERT INTO cx.note (id, body) VALUES (7, '{{1,2,3}}');
INSERT INTO cx.note (id, body) VALUES (8, 'line one;
-- not a comment, inside a string
/* nor this; */ line three');
INSERT INTO cx.note (id, body) VALUES (9, 'before' /* a comment; between */ || ' after');

CREATE TABLE cx."semi;colon" ("odd""name;" integer, "it's" text);
INSERT INTO cx."semi;colon" VALUES (1, 'q');
