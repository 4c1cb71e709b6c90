-- only works after 1.9.0
ALTER TABLE ord.t RENAME COLUMN nine TO ten;
