CREATE TABLE public.added (id int);
