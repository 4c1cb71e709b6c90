INSERT INTO pipes_od.pipe (id, node_from, node_to) VALUES (1, 1, 1);
