CREATE TABLE {schema}.t (srid int DEFAULT {srid}, v text DEFAULT {quote});
SELECT '{{literal}}', $${ratio}$$, "{schema}" -- {not_a_param}
;
SELECT {flag}, {nothing}, {negative}, {huge}, {empty};
