INSERT INTO public.log VALUES ('b 1.5.0 y');
