CREATE TABLE public.adopted_0100 (id integer);
