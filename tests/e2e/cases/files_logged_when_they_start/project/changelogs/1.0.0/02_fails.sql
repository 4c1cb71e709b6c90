CREATE TABLE public.b (id int);
SELECT 1/0;
