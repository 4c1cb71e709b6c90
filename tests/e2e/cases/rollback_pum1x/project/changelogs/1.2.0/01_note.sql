CREATE TABLE public.note (id integer PRIMARY KEY, body text);
