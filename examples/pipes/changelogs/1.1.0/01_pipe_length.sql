-- pipes 1.1.0: store the length of each pipe, computed once for the existing pipes.
ALTER TABLE pipes_od.pipe ADD COLUMN length_m numeric(10, 2);
COMMENT ON COLUMN pipes_od.pipe.length_m IS 'length in metres (2D, from the node coordinates)';

UPDATE pipes_od.pipe AS p
   SET length_m = round(sqrt(power(b.x - a.x, 2) + power(b.y - a.y, 2)), 2)
  FROM pipes_od.node AS a, pipes_od.node AS b
 WHERE a.id = p.from_node_id
   AND b.id = p.to_node_id;

-- From now on the length follows the nodes of each new or re-routed pipe.
CREATE FUNCTION pipes_od.tr_pipe_length() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT round(sqrt(power(b.x - a.x, 2) + power(b.y - a.y, 2)), 2)
    INTO NEW.length_m
    FROM pipes_od.node AS a, pipes_od.node AS b
   WHERE a.id = NEW.from_node_id
     AND b.id = NEW.to_node_id;
  RETURN NEW;
END;
$$;

CREATE TRIGGER pipe_length BEFORE INSERT OR UPDATE OF from_node_id, to_node_id ON pipes_od.pipe
  FOR EACH ROW EXECUTE FUNCTION pipes_od.tr_pipe_length();
