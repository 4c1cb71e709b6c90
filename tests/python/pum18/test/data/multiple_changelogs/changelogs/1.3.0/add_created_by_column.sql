
ALTER TABLE pum_test_data.some_table ADD COLUMN created_by VARCHAR(255) NOT NULL DEFAULT 'system';
