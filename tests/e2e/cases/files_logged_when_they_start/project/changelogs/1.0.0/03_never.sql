CREATE TABLE public.c (id int);
