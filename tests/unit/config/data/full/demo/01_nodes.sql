INSERT INTO pipes_od.node (id) VALUES (1);
