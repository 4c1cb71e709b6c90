-- What pum_migrations holds when this file runs: every earlier version, not this one.
INSERT INTO public.seen (file, versions)
SELECT '1.0.1/01_first', string_agg(version, ',' ORDER BY string_to_array(version, '.')::int[]) FROM public.pum_migrations;
