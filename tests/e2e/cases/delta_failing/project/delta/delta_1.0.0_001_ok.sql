CREATE TABLE public.ok (id int);
