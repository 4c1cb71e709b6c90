ALTER TABLE {{tables.invoices}} ADD COLUMN total numeric;
