INSERT INTO public.log VALUES ('a 2.0.0 x');
