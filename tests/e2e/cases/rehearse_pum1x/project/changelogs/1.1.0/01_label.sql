ALTER TABLE public.item ADD COLUMN label text;
