CREATE SCHEMA pum_test_app;
CREATE VIEW pum_test_app.item_view AS SELECT id, owner FROM pum_test_data.item;
COMMENT ON VIEW pum_test_app.item_view IS {view_comment};
