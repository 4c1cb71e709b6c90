-- The statements of ../project in another order: same structure, other OIDs, other column
-- numbers, other generated names (item_price_check <-> item_price_check1, item_code_idx <->
-- item_code_idx1), other ACL order.
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'done');
CREATE FUNCTION app.stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE FUNCTION app.f_two() RETURNS integer LANGUAGE sql AS 'SELECT 2';
CREATE FUNCTION app.f_one() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE TABLE app.item (id serial PRIMARY KEY, code text);
ALTER TABLE app.item ADD COLUMN status app.status DEFAULT 'new';
ALTER TABLE app.item ADD COLUMN price numeric(8, 2);
ALTER TABLE app.item ADD UNIQUE (code, price);
CREATE INDEX ON app.item (code) WHERE price > 10;
CREATE INDEX ON app.item (code);
ALTER TABLE app.item ADD CHECK (price < 1000);
ALTER TABLE app.item ADD CHECK (price > 0);
CREATE MATERIALIZED VIEW app.counts AS SELECT status, count(*) AS n FROM app.item GROUP BY status;
CREATE VIEW app.priced AS SELECT id, code, price, status FROM app.item WHERE price IS NOT NULL;
CREATE TABLE app.tag (id serial PRIMARY KEY, item_id integer REFERENCES app.item (id), label text);
CREATE TRIGGER b_stamp BEFORE UPDATE ON app.item FOR EACH ROW EXECUTE FUNCTION app.stamp();
CREATE TRIGGER a_stamp BEFORE INSERT ON app.item FOR EACH ROW EXECUTE FUNCTION app.stamp();
CREATE POLICY p_read ON app.item FOR SELECT TO pg_read_all_stats, pg_monitor USING (price > 0);
COMMENT ON COLUMN app.item.code IS 'code';
COMMENT ON TABLE app.item IS 'items';
GRANT USAGE ON SCHEMA app TO PUBLIC;
GRANT USAGE ON SCHEMA app TO pg_monitor;
GRANT INSERT ON app.item TO PUBLIC;
GRANT SELECT ON app.item TO pg_monitor;
