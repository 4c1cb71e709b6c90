ALTER TABLE public.procrastinate_jobs ADD COLUMN adopted_090 boolean;
