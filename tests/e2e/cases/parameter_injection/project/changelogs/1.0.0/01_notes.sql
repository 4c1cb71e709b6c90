CREATE SCHEMA inj;
CREATE TABLE inj.keep (id integer);
CREATE TABLE inj.notes (id integer PRIMARY KEY, txt text);

INSERT INTO inj.notes (id, txt) VALUES (1, {note});
INSERT INTO inj.notes (id, txt) VALUES (2, {backslash_note});
INSERT INTO inj.notes (id, txt) VALUES (3, {brace_note});
