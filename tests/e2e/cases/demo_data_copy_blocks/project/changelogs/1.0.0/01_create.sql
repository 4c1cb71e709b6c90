CREATE SCHEMA demo_copy;
CREATE TABLE demo_copy.item (
    id integer PRIMARY KEY,
    label text,
    note text,
    tags text[],
    doc jsonb
);
CREATE TABLE public.plain_item (id integer PRIMARY KEY, setting text);
