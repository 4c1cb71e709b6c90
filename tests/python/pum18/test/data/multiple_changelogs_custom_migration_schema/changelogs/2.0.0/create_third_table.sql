CREATE TABLE pum_test_data.other_table_2 (
    id INT PRIMARY KEY,
    name VARCHAR(255) NOT NULL
);
