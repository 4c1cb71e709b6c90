CREATE TABLE public.u (id integer);
