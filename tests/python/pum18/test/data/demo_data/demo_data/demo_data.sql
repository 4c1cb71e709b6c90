
INSERT INTO pum_test_data.some_table (id, name, created_date, is_active, amount)
VALUES
    (1, 'Test Item 1', '2023-01-01', TRUE, 100.00),
    (2, 'Test Item 2', '2023-01-02', FALSE, 200.00),
    (3, 'Test Item 3', '2023-01-03', TRUE, 300.00),
    (4, 'Test Item 4', '2023-01-04', TRUE, 400.00)
;
