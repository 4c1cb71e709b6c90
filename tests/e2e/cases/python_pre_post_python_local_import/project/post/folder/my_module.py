VIEW_SQL = "CREATE VIEW pum_test_data.hook_view AS SELECT id, message FROM pum_test_data.hook_log"
