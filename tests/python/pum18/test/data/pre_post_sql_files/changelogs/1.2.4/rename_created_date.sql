
ALTER TABLE pum_test_data.some_table RENAME COLUMN created_date TO created;
