CREATE FUNCTION cx.plain_body() RETURNS text LANGUAGE sql AS $$
    SELECT 'plain; body'::text
$$;

CREATE OR REPLACE FUNCTION cx.upper_body(a integer) RETURNS integer AS $BODY$
BEGIN
    -- a comment inside the body; kept as it is
    RETURN a + 1;
END;
$BODY$ LANGUAGE plpgsql;

CREATE FUNCTION cx.lower_body() RETURNS integer AS $body$
DECLARE
    n integer := 0;
BEGIN
    n := n + 2; /* a block comment; inside the body */
    RETURN n;
END
$body$ LANGUAGE plpgsql;

CREATE FUNCTION cx.nested() RETURNS text AS $outer$
BEGIN
    RETURN $inner$nested; $$ still inner$inner$;
END;
$outer$ LANGUAGE plpgsql;

CREATE FUNCTION cx.body_text() RETURNS text LANGUAGE sql AS $$
SELECT 'line 1;
-- line 2 is not a comment
line 3'::text
$$;

DO $DO$
BEGIN
    INSERT INTO cx.note (id, body) VALUES (10, 'from a DO block; fine');
END
$DO$;

DO $$
BEGIN
    PERFORM 1;
    INSERT INTO cx.note (id, body) VALUES (11, format('%s;%s', 'a', 'b'));
END
$$;

CREATE TABLE cx.typed (
    arr integer[] DEFAULT '{{4,5}}',
    doc jsonb DEFAULT '{{"k": "v; w"}}'
);
INSERT INTO cx.typed DEFAULT VALUES;
-- a last comment; without a newline