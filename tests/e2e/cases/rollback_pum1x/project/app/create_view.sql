CREATE VIEW public.item_view AS SELECT * FROM public.item;
