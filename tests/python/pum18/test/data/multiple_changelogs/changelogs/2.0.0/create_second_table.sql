CREATE TABLE pum_test_data.other_table (
    id INT PRIMARY KEY,
    name VARCHAR(255) NOT NULL
);
