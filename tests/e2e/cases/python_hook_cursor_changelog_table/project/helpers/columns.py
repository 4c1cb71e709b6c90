"""A helper in the style of pirogue.utils.select_columns: it takes a psycopg cursor."""


def select_columns(pg_cur, table_schema, table_name, remove_pkey=False, skip_columns=()):
    pg_cur.execute(
        """
        SELECT attname
        FROM pg_attribute
        WHERE attrelid = format('%%I.%%I', %(schema)s::text, %(table)s::text)::regclass
          AND attnum > 0 AND NOT attisdropped
          AND (NOT %(remove_pkey)s OR attname NOT IN (
                SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = format('%%I.%%I', %(schema)s::text, %(table)s::text)::regclass
                  AND i.indisprimary))
        ORDER BY attnum
        """,
        {"schema": table_schema, "table": table_name, "remove_pkey": remove_pkey},
    )
    return ", ".join(row[0] for row in pg_cur.fetchall() if row[0] not in skip_columns)
