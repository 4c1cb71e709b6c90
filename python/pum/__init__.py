"""pum 1.8's Python API, on pum's native core (docs/python-api.md).

Hooks import it inside the pum binary; applications (QGIS plugins) import it to drive pum with
their own psycopg connection:

    from pum import PumConfig, Upgrader
    Upgrader(PumConfig.from_yaml(".pum.yaml")).install(connection=conn, commit=True)

Every top-level name of pum 1.8 imports, lazily (PEP 562: `import pum` loads almost nothing).
PumConfig, Upgrader, SchemaMigrations, Changelog, HookHandler, Checker, Dumper, the database
helpers and DependencyHandler run on the native extension pum._native; RoleManager imports but
raises PumException when used (not on the native core yet).
"""

import importlib
import logging

from ._version import __version__

# pum's SQL log level, below DEBUG.
SQL = 5
logging.addLevelName(SQL, "SQL")

# name -> (submodule, attribute)
_LAZY = {
    "Changelog": ("changelog", "Changelog"),
    "Checker": ("checker", "Checker"),
    "configure_database_connect_access": ("database", "configure_database_connect_access"),
    "create_database": ("database", "create_database"),
    "CursorResult": ("sql_content", "CursorResult"),
    "DependencyHandler": ("dependency_handler", "DependencyHandler"),
    "drop_database": ("database", "drop_database"),
    "DumpFormat": ("dumper", "DumpFormat"),
    "Dumper": ("dumper", "Dumper"),
    "Feedback": ("feedback", "Feedback"),
    "get_database_connect_access": ("database", "get_database_connect_access"),
    "HookBase": ("hook", "HookBase"),
    "HookHandler": ("hook", "HookHandler"),
    "LogFeedback": ("feedback", "LogFeedback"),
    "ParameterDefinition": ("parameter", "ParameterDefinition"),
    "ParameterType": ("parameter", "ParameterType"),
    "Permission": ("role_manager", "Permission"),
    "PermissionType": ("role_manager", "PermissionType"),
    "PumConfig": ("pum_config", "PumConfig"),
    "Role": ("role_manager", "Role"),
    "RoleInventory": ("role_manager", "RoleInventory"),
    "RoleManager": ("role_manager", "RoleManager"),
    "RoleStatus": ("role_manager", "RoleStatus"),
    "SchemaMigrations": ("schema_migrations", "SchemaMigrations"),
    "SchemaPermissionStatus": ("role_manager", "SchemaPermissionStatus"),
    "SilentFeedback": ("feedback", "SilentFeedback"),
    "SqlContent": ("sql_content", "SqlContent"),
    "Upgrader": ("upgrader", "Upgrader"),
    # Not top-level names of pum 1.8 (they live in pum.exceptions there), kept here because
    # hooks written for the native pum's first releases import them from `pum`.
    "PumConfigError": ("exceptions", "PumConfigError"),
    "PumDependencyError": ("exceptions", "PumDependencyError"),
    "PumException": ("exceptions", "PumException"),
    "PumHookError": ("exceptions", "PumHookError"),
    "PumInvalidChangelog": ("exceptions", "PumInvalidChangelog"),
    "PumSqlError": ("exceptions", "PumSqlError"),
}

__all__ = sorted(
    [name for name, (module, _) in _LAZY.items() if module != "exceptions"]
    + ["SQL", "VERSION", "__version__"]
)


def __getattr__(name):
    if name == "VERSION":
        from ._version import parsed_version

        value = parsed_version()
    elif name in _LAZY:
        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attribute)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | {"VERSION"})
