CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $body$
BEGIN
  RETURN $x$;$x$ || $$inner;$$;
END;
$body$;
SELECT foo$bar, $1 FROM t;
