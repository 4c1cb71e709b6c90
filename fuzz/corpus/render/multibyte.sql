SELECT 'é{schema}ü', "ñ{srid}";
SELECT x FROM {schema}."tëst" WHERE y = {quote};
