INSERT INTO public.log VALUES ('b pre-all');
