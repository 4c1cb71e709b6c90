-- a comment; with a semicolon
INSERT INTO pum_test_data.from_sql_content (id, label) VALUES ({n}, 'file; one');
INSERT INTO pum_test_data.from_sql_content (id, label) VALUES ({n} + 1, 'file two');
