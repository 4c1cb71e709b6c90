-- adds a second and a third table
CREATE TABLE se.second (id integer);

CREATE TABEL se.third (id integer);
