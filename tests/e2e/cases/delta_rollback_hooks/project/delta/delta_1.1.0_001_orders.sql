CREATE TABLE public.orders (id integer PRIMARY KEY, user_id integer REFERENCES public.users (id));
CREATE INDEX orders_user_idx ON public.orders (user_id);
