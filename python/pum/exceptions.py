"""The exception classes of pum 1.8 that hooks may raise or catch."""


class PumException(Exception):
    """Base class of pum's errors."""


class PumConfigError(PumException):
    """The module's configuration is invalid."""


class PumHookError(PumException):
    """A hook is invalid or misbehaves (commits, closes the connection, ...)."""


class PumSqlError(PumException):
    """SQL given to HookBase.execute cannot be prepared (unknown parameter, forbidden statement)."""

    def __init__(self, message, hints=()):
        super().__init__(message)
        self.pum_hints = list(hints)


class PumDependencyError(PumException):
    """A Python dependency of the module is missing or out of range."""


class PumInvalidChangelog(PumException):
    """A changelog is invalid."""
