CREATE TABLE public.item (id integer PRIMARY KEY);
CREATE TABLE public.rollback_log (id serial, event text, version text);
