-- b
CREATE TABLE public.b (id int);
-- a trailing comment after the last statement
