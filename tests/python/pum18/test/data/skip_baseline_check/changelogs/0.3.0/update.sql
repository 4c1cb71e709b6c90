ALTER TABLE pum_test_data.baseline_test ADD COLUMN is_active BOOLEAN DEFAULT TRUE;
