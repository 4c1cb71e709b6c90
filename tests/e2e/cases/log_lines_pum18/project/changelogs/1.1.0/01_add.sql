ALTER TABLE pumlog.thing ADD COLUMN label text;
