CREATE TABLE public.item (id integer PRIMARY KEY, srid integer DEFAULT 2056);
