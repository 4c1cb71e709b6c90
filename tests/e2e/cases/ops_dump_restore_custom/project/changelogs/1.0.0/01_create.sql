CREATE SCHEMA ops_dump;
CREATE TABLE ops_dump.pipe (
    id serial PRIMARY KEY,
    year integer CHECK (year > 1800),
    label text NOT NULL
);
CREATE INDEX pipe_label_idx ON ops_dump.pipe (label);
INSERT INTO ops_dump.pipe (year, label) VALUES (1990, 'old'), (2010, 'new; with ''quotes''');
