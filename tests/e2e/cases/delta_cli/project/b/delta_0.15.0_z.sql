INSERT INTO public.log VALUES ('b 0.15.0 z');
