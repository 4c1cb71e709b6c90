DROP TABLE public.note;
