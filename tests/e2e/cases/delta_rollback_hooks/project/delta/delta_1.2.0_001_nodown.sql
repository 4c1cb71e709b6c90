CREATE TABLE public.nodown (id integer);
