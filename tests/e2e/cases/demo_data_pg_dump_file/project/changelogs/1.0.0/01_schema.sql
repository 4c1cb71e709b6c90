CREATE SCHEMA demo_dump;
CREATE TABLE demo_dump.region (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE
);
CREATE TABLE demo_dump.site (
    id serial PRIMARY KEY,
    region_id integer NOT NULL REFERENCES demo_dump.region (id),
    label text,
    tags text[],
    props jsonb,
    created timestamp with time zone
);
