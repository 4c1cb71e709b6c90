INSERT INTO public.child VALUES (42);
CREATE TABLE public.second (id int);
