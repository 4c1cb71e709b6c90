-- The application layer of pipes: a function and views over pipes_od. pum drops and recreates
-- it around every install and upgrade, and on `pum app create|drop|recreate`, so it always
-- matches the current version of the module. The labels follow the app_only parameter
-- label_lang, which may change at each recreate without touching the data.
CREATE SCHEMA pipes_app;
COMMENT ON SCHEMA pipes_app IS 'pipes: application layer (recreated by pum)';

CREATE FUNCTION pipes_app.kind_label(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(
    CASE {label_lang}
      WHEN 'fr' THEN CASE p_kind WHEN 'manhole' THEN 'regard'
                                 WHEN 'junction' THEN 'jonction'
                                 WHEN 'outlet' THEN 'exutoire' END
      WHEN 'de' THEN CASE p_kind WHEN 'manhole' THEN 'Schacht'
                                 WHEN 'junction' THEN 'Verzweigung'
                                 WHEN 'outlet' THEN 'Auslauf' END
    END,
    p_kind);
$$;
COMMENT ON FUNCTION pipes_app.kind_label(text) IS 'label of a node kind in the language chosen at app creation';

CREATE VIEW pipes_app.vw_node AS
SELECT n.id, n.identifier, n.kind, pipes_app.kind_label(n.kind) AS kind_label,
       n.x, n.y, n.z, n.srid, n.last_modified
  FROM pipes_od.node AS n;

-- p.* is expanded when the view is created: after an upgrade that adds pipe columns, the
-- recreated view shows them too.
CREATE VIEW pipes_app.vw_pipe AS
SELECT p.*,
       a.identifier AS from_identifier,
       b.identifier AS to_identifier,
       round(sqrt(power(b.x - a.x, 2) + power(b.y - a.y, 2)), 2) AS computed_length_m
  FROM pipes_od.pipe AS p
  JOIN pipes_od.node AS a ON a.id = p.from_node_id
  JOIN pipes_od.node AS b ON b.id = p.to_node_id;

CREATE VIEW pipes_app.vw_network_summary AS
SELECT pipes_app.kind_label(n.kind) AS kind, count(*) AS nodes
  FROM pipes_od.node AS n
 GROUP BY n.kind;
