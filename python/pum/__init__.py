"""The `pum` package that the native pum binary gives its Python hooks.

It carries pum 1.8's hook API, so that hooks written for pum 1.8 run unchanged:

    from pum import HookBase          # or: from pum.hook import HookBase

    class Hook(HookBase):
        def run_hook(self, connection, srid):
            self.execute("CREATE TABLE app.t (geom geometry(Point, {srid}))")

The rest of pum 1.8's Python API (PumConfig, Upgrader, ...) is the pum binary itself.
"""

from .exceptions import (
    PumConfigError,
    PumDependencyError,
    PumException,
    PumHookError,
    PumInvalidChangelog,
    PumSqlError,
)
from .hook import HookBase
from .sql_content import CursorResult

# The pum 1.x behaviour level the native binary implements.
__version__ = "1.8.0"

__all__ = [
    "CursorResult",
    "HookBase",
    "PumConfigError",
    "PumDependencyError",
    "PumException",
    "PumHookError",
    "PumInvalidChangelog",
    "PumSqlError",
]
