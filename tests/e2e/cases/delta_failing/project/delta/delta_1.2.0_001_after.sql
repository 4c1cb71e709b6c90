CREATE TABLE public.after (id int);
