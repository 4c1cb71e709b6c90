CREATE VIEW ops_dump.recent_pipe AS SELECT id, label FROM ops_dump.pipe WHERE year > 2000;
CREATE FUNCTION ops_dump.pipe_count() RETURNS bigint LANGUAGE sql
AS $$ SELECT count(*) FROM ops_dump.pipe $$;
