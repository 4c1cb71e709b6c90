INSERT INTO public.log VALUES ('a post-all');
