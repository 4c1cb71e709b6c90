INSERT INTO pum_test_data.some_table (id, name) VALUES (1, 'one'), (2, 'two');
