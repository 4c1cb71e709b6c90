CREATE SCHEMA cfg;

CREATE TABLE cfg.settings (
    id integer PRIMARY KEY,
    srid integer NOT NULL DEFAULT {srid} CHECK (srid = {srid}),
    label text DEFAULT {label},
    threshold integer DEFAULT {threshold},
    enabled boolean DEFAULT {enabled},
    ratio numeric DEFAULT {ratio},
    data_dir text DEFAULT {data_dir}
);

INSERT INTO cfg.settings (id) VALUES (1);

COMMENT ON TABLE cfg.settings IS {label};
