CREATE TABLE public.new (id int);
