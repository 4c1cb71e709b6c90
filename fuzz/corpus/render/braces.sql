SELECT '{{', '}}', '{{{schema}}}';
SELECT $$ {{ }} $$;
