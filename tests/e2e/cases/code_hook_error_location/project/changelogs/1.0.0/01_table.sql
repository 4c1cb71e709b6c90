CREATE TABLE public.chl_table (name text);
