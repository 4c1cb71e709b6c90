ALTER TABLE public.item DROP COLUMN label;
