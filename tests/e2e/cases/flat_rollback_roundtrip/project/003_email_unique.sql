ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
INSERT INTO users VALUES (2, 'guest@example.com');
COMMENT ON TABLE users IS 'who may log in';
