CREATE TABLE public.users (id serial PRIMARY KEY, email text);
INSERT INTO public.users (email) VALUES ('ada@example.org'), ('alan@example.org');
