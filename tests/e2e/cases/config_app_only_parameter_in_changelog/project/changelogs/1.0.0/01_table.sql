CREATE SCHEMA misuse;
CREATE TABLE misuse.t (id integer);
COMMENT ON TABLE misuse.t IS {view_comment};
