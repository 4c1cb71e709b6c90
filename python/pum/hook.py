"""HookBase, the base class of Python hooks (pum 1.8's API)."""

import abc
import copy
import os

from ._unavailable import unavailable_class
from .exceptions import PumHookError, PumSqlError
from .sql_content import CursorResult


def _render(sql, connection):
    """The statements to send for `sql`, rendered by pum itself (same literals as SQL hooks)."""
    import _pum_native  # only inside pum: the package is importable elsewhere for type checking

    if isinstance(sql, os.PathLike):
        statements, error = _pum_native.render_file(os.fspath(sql))
    elif isinstance(sql, str):
        statements, error = _pum_native.render_text(sql)
    else:
        from psycopg import sql as psycopg_sql

        if not isinstance(sql, psycopg_sql.Composable):
            raise PumSqlError(
                f"SQL must be a string, psycopg.sql.SQL object or a Path object, not {type(sql)}."
            )
        statements, error = _pum_native.render_text(sql.as_string(connection))
    if error is not None:
        message, hints = error
        raise PumSqlError(message, hints)
    return statements


class HookBase(abc.ABC):
    """Base class of Python hooks: pum instantiates the module's class `Hook`, then calls
    `run_hook(connection, <declared parameters>)` inside the command's transaction."""

    def __init__(self) -> None:
        self._parameters = None
        self._connection = None

    def _prepare(self, connection, parameters=None) -> None:
        """Called by pum before run_hook: the connection and a copy of every parameter."""
        self._connection = connection
        self._parameters = copy.deepcopy(parameters)

    @abc.abstractmethod
    def run_hook(self, connection, parameters=None) -> None:
        """Runs the hook. `connection` is a psycopg.Connection on pum's own transaction:
        what the changelogs did is visible, and nothing may be committed."""
        raise NotImplementedError("The run_hook method must be implemented in the subclass.")

    def execute(self, sql) -> CursorResult:
        """Runs SQL (a str, a psycopg.sql.SQL or the Path of an .sql file) on the hook's
        connection after `{name}` substitution with every parameter, rendered as SQL literals
        exactly as in SQL hooks. Never commits. Returns the rows of the (last) statement."""
        connection = getattr(self, "_connection", None)
        if connection is None:
            raise PumHookError("execute() can only be called while pum runs the hook")
        statements = _render(sql, connection)
        with connection.cursor() as cursor:
            for statement in statements:
                try:
                    cursor.execute(statement)
                except Exception as error:
                    try:
                        error.pum_query = statement
                    except AttributeError:
                        pass
                    raise
            return CursorResult.from_cursor(cursor)

    execute.__isfinal__ = True


# pum 1.8 loads and runs hooks with HookHandler; the native pum does that itself.
HookHandler = unavailable_class("HookHandler", "hook")
