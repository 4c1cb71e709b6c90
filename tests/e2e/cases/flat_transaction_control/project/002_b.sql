CREATE TABLE b (id int);
COMMIT;
CREATE TABLE c (id int);
