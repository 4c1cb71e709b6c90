CREATE TABLE {{tables.invoices}} (id serial PRIMARY KEY);
