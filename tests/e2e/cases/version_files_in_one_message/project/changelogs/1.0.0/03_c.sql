CREATE TABLE public.c (id int);
INSERT INTO public.c VALUES (1);
