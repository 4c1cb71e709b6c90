CREATE TABLE public.hook_log (event text, version text, detail text);
CREATE TABLE public.items (id int);
