CREATE TABLE public.seen (id serial PRIMARY KEY, file text, versions text);
