CREATE TABLE public.t (id int);

DO $$
DECLARE
  n int;
BEGIN
  n := {start};
  RAISE EXCEPTION 'stop at %', n USING HINT = 'look here';
END $$;
