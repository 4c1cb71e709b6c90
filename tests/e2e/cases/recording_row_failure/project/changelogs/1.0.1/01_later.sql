CREATE TABLE public.later (id int);
