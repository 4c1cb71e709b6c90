ALTER TABLE public.item ADD COLUMN label text;
COMMENT ON COLUMN public.item.label IS 'libellé';
