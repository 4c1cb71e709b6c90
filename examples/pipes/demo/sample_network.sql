-- Demo data "sample network": five nodes and four pipes along a fictional street. The
-- coordinates are offsets from a base point in the reference system chosen at install.
INSERT INTO pipes_od.node (identifier, kind, x, y, z)
SELECT v.identifier, v.kind,
       CASE {SRID} WHEN 21781 THEN 600000 ELSE 2600000 END + v.dx,
       CASE {SRID} WHEN 21781 THEN 200000 ELSE 1200000 END + v.dy,
       v.z
  FROM (VALUES ('N1', 'manhole', 0.0, 0.0, 432.10),
               ('N2', 'manhole', 42.5, 3.0, 431.60),
               ('N3', 'junction', 80.0, 10.5, 431.05),
               ('N4', 'manhole', 80.0, 55.0, 430.40),
               ('N5', 'outlet', 130.0, 60.0, 429.20)) AS v(identifier, kind, dx, dy, z);

INSERT INTO pipes_od.pipe (identifier, from_node_id, to_node_id, diameter_mm)
SELECT v.identifier, a.id, b.id, v.diameter_mm
  FROM (VALUES ('P1', 'N1', 'N2', 250),
               ('P2', 'N2', 'N3', 250),
               ('P3', 'N3', 'N4', 315),
               ('P4', 'N4', 'N5', 400)) AS v(identifier, from_node, to_node, diameter_mm)
  JOIN pipes_od.node AS a ON a.identifier = v.from_node
  JOIN pipes_od.node AS b ON b.identifier = v.to_node;
