SELECT 'café';
CREATE TABLE été (x int);
