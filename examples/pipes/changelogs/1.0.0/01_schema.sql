-- pipes 1.0.0: the schema that holds the network data ("od" = original data).
CREATE SCHEMA pipes_od;
COMMENT ON SCHEMA pipes_od IS 'pipes: network data (nodes and pipes)';
