"""HookBase, the base class of Python hooks (pum 1.8's API)."""

import abc
import copy
import os

from pathlib import Path

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


class HookHandler:
    """One application hook of a configuration (pum 1.8 API): a .sql file, a .py file (loaded
    by pum's own hook loader at construction, with its checks and messages) or inline SQL."""

    def __init__(self, base_path=None, file=None, code=None, **_ignored):
        self.base_path = Path(base_path) if base_path is not None else None
        self.file = file
        self.code = code
        self.hook_instance = None
        self._hook_id = None
        self._path = None
        if file is not None:
            path = Path(file)
            if not path.is_absolute() and self.base_path is not None:
                path = self.base_path / path
            self._path = path.absolute()
            if self._path.suffix == ".py":
                self._load()

    def _load(self):
        from . import _core

        runtime = _core.hook_runtime()
        module_dir = self.base_path if self.base_path is not None else self._path.parent
        try:
            self._hook_id, _, _ = runtime.load(str(self._path), str(module_dir))
        except runtime.HookProblem as problem:
            raise PumHookError(f"{self._path}: {problem.message}") from None
        except Exception as error:
            raise PumHookError(f"Failed to load hook {self._path}: {error}") from error
        self.hook_instance = runtime.hook_instance(self._hook_id)

    def __eq__(self, other):
        if not isinstance(other, HookHandler):
            return NotImplemented
        return (self._path, self.code) == (other._path, other.code)

    __hash__ = None

    def __repr__(self):
        return f"<hook: {self._path or self.code}>"

    def execute(self, connection, *, commit=False, parameters=None):
        """Runs the hook on `connection` with `parameters`; commits only with commit=True."""
        from .sql_content import SqlContent

        parameters = dict(parameters or {})
        if self._hook_id is not None:
            from . import _core

            try:
                _core.hook_runtime().run_with(self._hook_id, connection, parameters)
            except PumHookError:
                raise
            except Exception as error:
                raise PumHookError(f"Hook {self._path} failed: {error}") from error
        elif self._path is not None:
            SqlContent(self._path).execute(connection, parameters=parameters)
        elif self.code:
            SqlContent(self.code).execute(connection, parameters=parameters)
        if commit:
            connection.commit()

    def release(self):
        """Unloads a Python hook (pum.pum_config.PumConfig.cleanup_hook_imports)."""
        hook_id, self._hook_id = getattr(self, "_hook_id", None), None
        if hook_id is not None:
            try:
                from . import _core

                _core.hook_runtime().release(hook_id)
            except Exception:  # noqa: BLE001 - interpreter shutdown
                pass

    __del__ = release
