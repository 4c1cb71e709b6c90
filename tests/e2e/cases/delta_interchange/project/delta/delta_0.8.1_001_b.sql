ALTER TABLE public.a ADD COLUMN b text;
