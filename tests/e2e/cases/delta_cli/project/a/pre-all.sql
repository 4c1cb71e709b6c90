INSERT INTO public.log VALUES ('a pre-all');
