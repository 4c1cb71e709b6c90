-- Four rows, as pum's own demo_data fixture loads.
INSERT INTO pum_test_data.some_table (id, name, created) VALUES (1, 'first', '2024-01-01');
INSERT INTO pum_test_data.some_table (id, name, created) VALUES (2, 'second', '2024-01-02');
INSERT INTO pum_test_data.some_table (id, name, created)
VALUES (3, 'third; with a semicolon', NULL), (4, 'fourth', '2024-01-04');
