-- Runs after part_1: it depends on its rows.
INSERT INTO pum_test_data.some_table (id, name)
SELECT id + 2, name || ' again' FROM pum_test_data.some_table;
