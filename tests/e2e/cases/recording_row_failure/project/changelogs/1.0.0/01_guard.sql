-- Refuses the row of version 1.0.0 itself: pum must report the failed recording, not blame
-- the next version's file that travels in the same round trip.
CREATE FUNCTION public.refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version = '1.0.0' THEN
    RAISE EXCEPTION 'row of % refused', NEW.version USING HINT = 'drop the guard';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER guard BEFORE INSERT ON public.pum_migrations
  FOR EACH ROW EXECUTE FUNCTION public.refuse_row();
