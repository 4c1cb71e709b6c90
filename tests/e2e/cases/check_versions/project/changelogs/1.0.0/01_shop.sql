-- One object of every kind pum check compares.
CREATE SCHEMA shop;

CREATE TABLE shop.customer (
  id serial PRIMARY KEY,
  name varchar(80) NOT NULL,
  email text UNIQUE
);

CREATE TABLE shop.orders (
  id serial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES shop.customer (id),
  amount numeric(10, 2) NOT NULL CONSTRAINT orders_amount_check CHECK (amount > 0),
  created timestamp(3) DEFAULT now()
);

CREATE INDEX orders_customer_idx ON shop.orders (customer_id);

CREATE VIEW shop.big_orders AS
  SELECT id, customer_id, amount FROM shop.orders WHERE amount > 100;

CREATE SEQUENCE shop.invoice_number;

CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created := now();
  RETURN NEW;
END
$$;

CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders
  FOR EACH ROW EXECUTE FUNCTION shop.touch();

CREATE FUNCTION shop.customer_total(customer integer) RETURNS numeric LANGUAGE sql AS $$
  SELECT coalesce(sum(amount), 0) FROM shop.orders WHERE customer_id = customer
$$;

CREATE RULE orders_keep AS ON DELETE TO shop.orders DO INSTEAD NOTHING;
