INSERT INTO public.log VALUES ('b post-all');
