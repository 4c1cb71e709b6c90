CREATE SCHEMA br;
-- a comment mentioning {not_a_parameter} is not substituted
/* and neither is {this_one} */
CREATE TABLE br.t (
    id integer PRIMARY KEY,
    arr integer[] DEFAULT '{{1,2}}',
    doc jsonb DEFAULT '{{}}',
    v text DEFAULT {value}
);
INSERT INTO br.t (id) VALUES (1);
CREATE FUNCTION br.f() RETURNS jsonb LANGUAGE sql AS $$ SELECT '{{"a": [1, {{"b": 2}}]}}'::jsonb $$;
