CREATE TABLE public.parent (id int PRIMARY KEY);
CREATE TABLE public.child (parent int REFERENCES public.parent DEFERRABLE INITIALLY DEFERRED);
