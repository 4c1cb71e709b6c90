-- Runs after copy.sql: the settings copy.sql changed are back to what they were.
INSERT INTO plain_item VALUES (1, current_setting('search_path'));
INSERT INTO plain_item VALUES (2, current_setting('client_min_messages'));
INSERT INTO plain_item VALUES (3, current_setting('check_function_bodies'));
