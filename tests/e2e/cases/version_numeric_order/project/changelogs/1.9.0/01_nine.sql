ALTER TABLE ord.t ADD COLUMN nine integer;
