INSERT INTO pum_test_data.hook_log (message) VALUES ('sql hook');
