-- Built again in reversed/ with the independent statements in another order.
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'done');
CREATE TABLE app.item (id serial PRIMARY KEY, code text);
ALTER TABLE app.item ADD COLUMN price numeric(8, 2);
ALTER TABLE app.item ADD COLUMN status app.status DEFAULT 'new';
-- unnamed: item_price_check and item_price_check1, in creation order
ALTER TABLE app.item ADD CHECK (price > 0);
ALTER TABLE app.item ADD CHECK (price < 1000);
-- unnamed: item_code_idx and item_code_idx1, in creation order
CREATE INDEX ON app.item (code);
CREATE INDEX ON app.item (code) WHERE price > 10;
ALTER TABLE app.item ADD UNIQUE (code, price);
CREATE TABLE app.tag (id serial PRIMARY KEY, item_id integer REFERENCES app.item (id), label text);
CREATE VIEW app.priced AS SELECT id, code, price, status FROM app.item WHERE price IS NOT NULL;
CREATE MATERIALIZED VIEW app.counts AS SELECT status, count(*) AS n FROM app.item GROUP BY status;
CREATE FUNCTION app.f_one() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION app.f_two() RETURNS integer LANGUAGE sql AS 'SELECT 2';
CREATE FUNCTION app.stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER a_stamp BEFORE INSERT ON app.item FOR EACH ROW EXECUTE FUNCTION app.stamp();
CREATE TRIGGER b_stamp BEFORE UPDATE ON app.item FOR EACH ROW EXECUTE FUNCTION app.stamp();
GRANT SELECT ON app.item TO pg_monitor;
GRANT INSERT ON app.item TO PUBLIC;
GRANT USAGE ON SCHEMA app TO pg_monitor;
GRANT USAGE ON SCHEMA app TO PUBLIC;
COMMENT ON TABLE app.item IS 'items';
COMMENT ON COLUMN app.item.code IS 'code';
CREATE POLICY p_read ON app.item FOR SELECT TO pg_monitor, pg_read_all_stats USING (price > 0);
