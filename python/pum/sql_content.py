"""SqlContent (SQL to run on a connection) and CursorResult (what running it returns), as in
pum 1.8.

SqlContent(sql) takes a str, a psycopg.sql.Composable or the path of an .sql file (a
pathlib.Path or any os.PathLike). execute(connection, parameters=..., commit=False) runs it:

- a str or a Composable is one piece of SQL sent whole; a file is split into statements by pum's
  own splitter (the one SQL-file hooks use), which also refuses statements that would end pum's
  transaction;
- `parameters` (a dict) fills `{name}` placeholders with psycopg.sql.format, as pum 1.8 does:
  values may be psycopg.sql.Literal, Identifier or Composed objects, and any other value is taken
  as a Literal (pum 1.8 refuses those; SqlContent.prepare_parameters() converts a whole dict).
  Without `parameters` the SQL is sent as it is written, placeholders and all;
- `commit=True` is refused on the connection pum gives a hook, since pum commits the whole
  command itself, at the end.

Errors of the server are raised as psycopg's exceptions (with their SQLSTATE, which pum prints),
as HookBase.execute raises them.
"""

import logging
import os

from .exceptions import PumHookError, PumSqlError

# pum's SQL log level, below DEBUG (also pum.SQL).
SQL = 5

logger = logging.getLogger(__name__)


class CursorResult:
    """Rows, description and row count of an executed statement, kept after its cursor closed."""

    def __init__(self, results=None, description=None, rowcount=0):
        self._pum_results = results
        self._pum_description = description
        self._pum_rowcount = rowcount
        self._pum_index = 0

    @classmethod
    def from_cursor(cls, cursor):
        """Reads what the cursor's current result holds (nothing for DDL)."""
        import psycopg

        try:
            results = cursor.fetchall()
        except psycopg.ProgrammingError:
            return cls()
        return cls(results, cursor.description, cursor.rowcount)

    @property
    def description(self):
        return self._pum_description

    @property
    def rowcount(self):
        return self._pum_rowcount

    def fetchone(self):
        if not self._pum_results or self._pum_index >= len(self._pum_results):
            return None
        row = self._pum_results[self._pum_index]
        self._pum_index += 1
        return row

    def fetchmany(self, size=1):
        if not self._pum_results:
            return []
        rows = self._pum_results[self._pum_index : self._pum_index + size]
        self._pum_index += len(rows)
        return rows

    def fetchall(self):
        if not self._pum_results:
            return []
        rows = self._pum_results[self._pum_index :]
        self._pum_index = len(self._pum_results)
        return rows


def is_pum_connection(connection):
    """True for the connection pum gives run_hook: pum's own, inside pum's transaction."""
    return bool(getattr(connection, "_pum_hook_connection", False))


def refuse_commit(what):
    raise PumHookError(
        f"{what} with commit=True is refused inside pum: pum runs the whole command in one "
        "transaction and commits it once, at the end; pass commit=False (the default)"
    )


def _is_composable(sql):
    try:
        from psycopg import sql as psycopg_sql
    except ImportError:
        return False
    return isinstance(sql, psycopg_sql.Composable)


def _split_file(path):
    """The statements of an .sql file, split and checked by pum, not rendered."""
    try:
        import _pum_native
    except ImportError:
        raise PumSqlError(
            "SqlContent reads .sql files with pum's own splitter, available inside pum only"
        ) from None
    statements, error = _pum_native.split_file(path)
    if error is not None:
        message, hints = error
        raise PumSqlError(message, hints)
    return statements


class SqlContent:
    """SQL to run: a str, a psycopg.sql.Composable or the path of an .sql file."""

    def __init__(self, sql):
        if not isinstance(sql, (str, os.PathLike)) and not _is_composable(sql):
            raise PumSqlError(
                f"SQL must be a string, psycopg.sql.SQL object or a Path object, not {type(sql)}."
            )
        self.sql = sql

    def validate(self, parameters=None):
        """Raises PumSqlError when the SQL is empty or cannot be prepared with `parameters`."""
        if isinstance(self.sql, str) and not self.sql.strip():
            raise PumSqlError("SQL content is empty.")
        self._prepare_sql(parameters)
        return True

    def execute(self, connection, *, parameters=None, commit=False):
        """Runs the SQL on `connection` (never commits unless asked, and never inside pum).
        Returns a CursorResult with the rows of the last statement."""
        if commit and is_pum_connection(connection):
            refuse_commit("SqlContent.execute")
        statements = self._prepare_sql(parameters)
        with connection.cursor() as cursor:
            for statement in statements:
                text = statement if isinstance(statement, str) else statement.as_string(connection)
                logger.log(SQL, "Executing SQL: %s", text)
                try:
                    cursor.execute(text)
                except Exception as error:
                    try:
                        error.pum_query = text
                    except AttributeError:
                        pass
                    raise
            if commit:
                connection.commit()
            return CursorResult.from_cursor(cursor)

    def _prepare_sql(self, parameters):
        """The statements to send: str (sent as is) or psycopg.sql.Composable objects."""
        if isinstance(self.sql, os.PathLike):
            statements = _split_file(os.fspath(self.sql))
        else:
            statements = [self.sql]
        if parameters is None:
            return statements
        from psycopg import sql as psycopg_sql

        values = {
            key: value if isinstance(value, psycopg_sql.Composable) else psycopg_sql.Literal(value)
            for key, value in parameters.items()
        }
        prepared = []
        for statement in statements:
            if isinstance(statement, str):
                statement = psycopg_sql.SQL(statement)
            if not isinstance(statement, psycopg_sql.SQL):
                prepared.append(statement)  # already composed: nothing left to fill in
                continue
            try:
                prepared.append(statement.format(**values))
            except KeyError as error:
                code = statement.as_string(None)
                raise PumSqlError(
                    f"SQL preparation failed: missing parameter {error} in: {code}",
                    ["pass it in parameters=, or write a literal brace as {{ or }}"],
                ) from None
            except (ValueError, IndexError, TypeError) as error:
                code = statement.as_string(None)
                raise PumSqlError(
                    f"SQL preparation failed: {error} in: {code}",
                    ["placeholders are {name}; a literal brace is written {{ or }}"],
                ) from None
        return prepared

    @staticmethod
    def prepare_parameters(parameters):
        """The same dict with every value wrapped in a psycopg.sql.Literal."""
        from psycopg import sql as psycopg_sql

        return {key: psycopg_sql.Literal(value) for key, value in (parameters or {}).items()}
