-- Users of the auth service.
CREATE TABLE {{tables.users}} (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE
);
