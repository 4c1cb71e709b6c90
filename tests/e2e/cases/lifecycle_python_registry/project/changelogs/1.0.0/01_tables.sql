CREATE TABLE public.t100 (x int);
