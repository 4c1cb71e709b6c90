def select_columns(pg_cur, table_schema, table_name):
    """What pirogue.utils.select_columns gives: the table's columns, comma-separated."""
    pg_cur.execute(
        "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute"
        " WHERE attrelid = format('%%I.%%I', %s::text, %s::text)::regclass"
        " AND attnum > 0 AND NOT attisdropped",
        (table_schema, table_name),
    )
    return pg_cur.fetchone()[0]
