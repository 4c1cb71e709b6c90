ALTER TABLE pum_test_data.baseline_test ADD COLUMN description TEXT;
