"""execute_sql(connection, sql, commit=False): the helper of older pum releases' documentation,
for hooks written against it:

    from pum.utils.execute_sql import execute_sql

    def run_hook(connection):
        execute_sql(connection=connection, sql="CREATE VIEW ...", commit=False)
"""

from ..sql_content import CursorResult, SqlContent, is_pum_connection, refuse_commit


def execute_sql(connection, sql, commit=False, parameters=None):
    """Runs `sql` (a str, a psycopg.sql.Composable or the Path of an .sql file) on `connection`
    and returns a CursorResult with the rows of the last statement.

    `parameters` are psycopg query parameters (%s or %(name)s placeholders) for a str or a
    Composable. `commit=True` is refused on the connection pum gives a hook: pum commits the
    whole command itself, at the end."""
    if commit and is_pum_connection(connection):
        refuse_commit("execute_sql")
    if parameters is None:
        return SqlContent(sql).execute(connection, commit=commit)
    with connection.cursor() as cursor:
        try:
            cursor.execute(sql, parameters)
        except Exception as error:
            try:
                error.pum_query = sql if isinstance(sql, str) else str(sql)
            except AttributeError:
                pass
            raise
        if commit:
            connection.commit()
        return CursorResult.from_cursor(cursor)


__all__ = ["execute_sql"]
