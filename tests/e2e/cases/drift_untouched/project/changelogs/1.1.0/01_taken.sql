ALTER TABLE meter.reading ADD COLUMN taken timestamptz NOT NULL DEFAULT now();
CREATE INDEX reading_taken_idx ON meter.reading (taken);
