ALTER TABLE pum_test_data.item ADD COLUMN note text DEFAULT {owner_name};
