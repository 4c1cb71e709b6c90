CREATE TABLE {{tables.users}} (id serial PRIMARY KEY);
