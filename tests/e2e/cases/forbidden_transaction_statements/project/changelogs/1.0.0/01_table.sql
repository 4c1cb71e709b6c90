CREATE TABLE public.ok (id integer);
