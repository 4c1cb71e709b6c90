ALTER TABLE public.a ADD COLUMN c text;
