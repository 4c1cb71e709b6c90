CREATE SCHEMA pipes;
CREATE TABLE pipes.pipe (id serial PRIMARY KEY, label text NOT NULL);
COMMENT ON TABLE pipes.pipe IS 'a pipe';
