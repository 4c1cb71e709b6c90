-- Same names, other definitions: only a comparison of definitions sees it.
ALTER TABLE network.pipe DROP CONSTRAINT pipe_year_check;
ALTER TABLE network.pipe ADD CONSTRAINT pipe_year_check CHECK (year >= 1800);
ALTER TABLE network.pipe DROP CONSTRAINT pipe_value_check;
ALTER TABLE network.pipe ADD CONSTRAINT pipe_value_check CHECK (value >= 0);
