COMMENT ON TABLE public.a IS 'post';
