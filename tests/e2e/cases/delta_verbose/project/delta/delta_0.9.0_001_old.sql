CREATE TABLE public.old (id int);
