CREATE TABLE public.t (id int, note text);
INSERT INTO public.t VALUES (%(SRID)s, 'srid, 100%% sure');
