CREATE TABLE {{tables.sessions}} (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES {{tables.users}} (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE {{schema}}.sessions IS 'sessions of {{schema}}';
