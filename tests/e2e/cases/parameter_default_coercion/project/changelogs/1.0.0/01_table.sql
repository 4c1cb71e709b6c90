CREATE SCHEMA co;
CREATE TABLE co.t (
    code text DEFAULT {code},
    count integer DEFAULT {count},
    ratio numeric DEFAULT {ratio}
);
