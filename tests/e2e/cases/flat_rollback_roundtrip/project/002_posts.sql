BEGIN;
CREATE TABLE posts (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users (id), title text);
CREATE INDEX posts_user_id ON posts (user_id);
COMMIT;
