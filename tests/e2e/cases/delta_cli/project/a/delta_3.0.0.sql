INSERT INTO public.log VALUES ('a 3.0.0');
