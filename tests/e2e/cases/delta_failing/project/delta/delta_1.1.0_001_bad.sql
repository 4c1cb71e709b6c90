-- a comment line
CREATE TABLE public.half (id int);
SELECT nope FROM public.ok;
