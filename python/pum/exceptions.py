"""The exception classes of pum 1.8, with the same names and hierarchy, for hooks to raise or
catch:

    PumException
    ├── PumDependencyError, PumConfigError, PumInvalidChangelog
    ├── PumSchemaMigrationError
    │   └── PumSchemaMigrationNoBaselineError
    ├── PumHookError, PumSqlError
    └── PgDumpCommandError, PgDumpFailed, PgRestoreCommandError, PgRestoreFailed
"""


class PumException(Exception):
    """Base class of pum's errors."""


class PumDependencyError(PumException):
    """A Python dependency of the module is missing or out of range."""


class PumConfigError(PumException):
    """The module's configuration is invalid."""


class PumInvalidChangelog(PumException):
    """A changelog is invalid."""


class PumSchemaMigrationError(PumException):
    """The schema migrations table is missing, inconsistent or cannot be written."""


class PumSchemaMigrationNoBaselineError(PumSchemaMigrationError):
    """The schema migrations table holds no baseline version."""


class PumHookError(PumException):
    """A hook is invalid or misbehaves (commits, closes the connection, ...)."""


class PumSqlError(PumException):
    """SQL given to a hook's execute() or to SqlContent cannot be prepared (unknown parameter,
    forbidden statement)."""

    def __init__(self, message, hints=()):
        super().__init__(message)
        self.pum_hints = list(hints)


class PgDumpCommandError(PumException):
    """pg_dump cannot be run as asked."""


class PgDumpFailed(PumException):
    """pg_dump ran and failed."""


class PgRestoreCommandError(PumException):
    """pg_restore cannot be run as asked."""


class PgRestoreFailed(PumException):
    """pg_restore ran and failed."""


__all__ = [
    "PgDumpCommandError",
    "PgDumpFailed",
    "PgRestoreCommandError",
    "PgRestoreFailed",
    "PumConfigError",
    "PumDependencyError",
    "PumException",
    "PumHookError",
    "PumInvalidChangelog",
    "PumSchemaMigrationError",
    "PumSchemaMigrationNoBaselineError",
    "PumSqlError",
]
