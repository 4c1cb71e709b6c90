CREATE TABLE public.item (id integer PRIMARY KEY);
