"""The bridge between pum 1.8's Python API and pum's native core (`pum._native`), private.

Every API call that touches the database hands the caller's psycopg connection to the native
core as its libpq handle: pum's own C++ code runs on that very connection, inside the caller's
transaction (begun when the connection is idle, as psycopg itself would), and commits only where
pum 1.8 commits. pum's log lines go to Python's logging (and to a Feedback, when given).
"""

import logging
import os

from . import exceptions
from .feedback import LogFeedback

_native = None


def native():
    """The extension module, loaded on first use (`import pum` stays cheap)."""
    global _native
    if _native is None:
        try:
            from . import _native as module
        except ImportError as error:
            raise exceptions.PumException(
                "pum's native core (pum._native) is not installed beside this pum package: "
                f"{error}"
            ) from error
        # Python hooks run in this interpreter, with this package.
        module.use_running_interpreter(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        _native = module
    return _native


def hook_runtime():
    """pum's hook loader (pum._runtime) in this interpreter, started by the native core."""
    native().start_hooks()
    from . import _runtime

    return _runtime


def pgconn_address(connection):
    """The PGconn* of a psycopg 3 connection, as an integer."""
    try:
        address = connection.pgconn.pgconn_ptr
    except AttributeError:
        raise TypeError(
            f"a psycopg 3 connection is expected, got {type(connection).__name__}"
        ) from None
    if not address:
        raise exceptions.PumException("the connection is closed")
    return address


def autocommit(connection):
    return bool(getattr(connection, "autocommit", False))


def translate(error, default=exceptions.PumException):
    """pum's native error as the exception class pum 1.8 raises for it."""
    cls = default
    where = getattr(error, "file", "") or ""
    text = str(error)
    if "dependency" in text and ("not installed" in text or "version" in text):
        cls = exceptions.PumDependencyError
    elif where.endswith(".py"):
        cls = exceptions.PumHookError
    elif getattr(error, "sqlstate", None) and default is exceptions.PumException:
        cls = exceptions.PumSqlError
    translated = cls(str(error))
    translated.sqlstate = getattr(error, "sqlstate", None)
    translated.hints = list(getattr(error, "hints", []) or [])
    return translated


def call(function, *args, error_class=exceptions.PumException):
    """Calls a native function, raising pum 1.8's exception classes."""
    module = native()
    try:
        return function(module)(*args)
    except module.PumError as error:
        raise translate(error, error_class) from None


def call_sql(function, *args):
    """Calls a native function the way pum 1.8 calls psycopg directly: an error the server
    raised reaches the caller as psycopg's own class for its SQLSTATE (psycopg.errors), pum's
    own refusals as PumException."""
    module = native()
    try:
        return function(module)(*args)
    except module.PumError as error:
        sqlstate = getattr(error, "sqlstate", None)
        if sqlstate:
            import psycopg

            try:
                cls = psycopg.errors.lookup(sqlstate)
            except KeyError:
                cls = psycopg.DatabaseError
            raise cls(str(error)) from None
        raise translate(error) from None


def parameter_pairs(parameters):
    """A {name: value} dict as the (name, text) pairs pum coerces to each declared type."""
    pairs = []
    for name, value in (parameters or {}).items():
        if value is None:
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = str(value)
        pairs.append((str(name), text))
    return pairs


class LogSink:
    """Receives pum's log lines: Python's logging, and a Feedback's progress and cancellation."""

    def __init__(self, logger_name, feedback=None, cancelled_message=None):
        self.logger = logging.getLogger(logger_name)
        self.feedback = feedback
        self.cancelled_message = cancelled_message

    @property
    def level(self):
        level = self.logger.getEffectiveLevel()
        if self.feedback is not None:
            level = min(level, logging.INFO)
        return max(level, 5)

    def __call__(self, level, message):
        # A LogFeedback logs INFO lines itself (logger pum.feedback): not twice.
        echoed = level == logging.INFO and isinstance(self.feedback, LogFeedback)
        if not echoed and self.logger.isEnabledFor(level):
            self.logger.log(level, message)
        if self.feedback is None or level != logging.INFO:
            return
        if message.startswith("Committing changes"):
            self.feedback.lock_cancellation()
        elif self.cancelled_message and self.feedback.is_cancelled():
            raise exceptions.PumException(self.cancelled_message)
        self.feedback.report_progress(message)
