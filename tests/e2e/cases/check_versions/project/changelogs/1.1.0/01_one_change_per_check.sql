-- tables
CREATE TABLE shop.product (code text PRIMARY KEY);
-- columns
ALTER TABLE shop.orders ADD COLUMN note text;
-- constraints
ALTER TABLE shop.customer ADD CONSTRAINT customer_email_check CHECK (email LIKE '%@%');
-- views
CREATE OR REPLACE VIEW shop.big_orders AS
  SELECT id, customer_id, amount FROM shop.orders WHERE amount > 500;
-- sequences
CREATE SEQUENCE shop.delivery_number;
-- indexes
CREATE INDEX orders_created_idx ON shop.orders (created);
-- triggers
CREATE TRIGGER orders_touch_insert BEFORE INSERT ON shop.orders
  FOR EACH ROW EXECUTE FUNCTION shop.touch();
-- functions
CREATE OR REPLACE FUNCTION shop.customer_total(customer integer) RETURNS numeric
LANGUAGE sql AS $$
  SELECT coalesce(sum(amount), 0) FROM shop.orders WHERE customer_id = customer AND amount > 0
$$;
-- rules
CREATE RULE customer_keep AS ON DELETE TO shop.customer DO INSTEAD NOTHING;
