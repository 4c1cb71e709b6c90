CREATE TABLE {{tables.invoices}} (id integer PRIMARY KEY);
