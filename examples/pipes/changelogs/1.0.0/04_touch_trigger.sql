-- Keeps last_modified current and properties non-null on every edit. The function body
-- contains semicolons (pum splits statements only outside the dollar quotes) and a JSON
-- literal whose braces are doubled, as pum's parameter formatting requires: the server
-- receives an empty JSON object.
CREATE FUNCTION pipes_od.tr_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.last_modified := now();
  NEW.properties := COALESCE(NEW.properties, '{{}}'::jsonb);
  RETURN NEW;
END;
$$;

CREATE TRIGGER node_touch BEFORE INSERT OR UPDATE ON pipes_od.node
  FOR EACH ROW EXECUTE FUNCTION pipes_od.tr_touch();
CREATE TRIGGER pipe_touch BEFORE INSERT OR UPDATE ON pipes_od.pipe
  FOR EACH ROW EXECUTE FUNCTION pipes_od.tr_touch();
