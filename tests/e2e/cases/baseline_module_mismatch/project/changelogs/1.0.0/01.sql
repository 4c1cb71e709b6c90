CREATE TABLE public.bmm (id int);
