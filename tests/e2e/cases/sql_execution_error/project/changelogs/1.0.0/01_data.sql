CREATE SCHEMA ex;
CREATE TABLE ex.code (code text PRIMARY KEY);
INSERT INTO ex.code VALUES ('a');

INSERT INTO ex.code VALUES ('b'),
                           ('a');
