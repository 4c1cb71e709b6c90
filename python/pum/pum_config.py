"""pum 1.8's pum.pum_config: a module's configuration, read and checked by pum's native core.

PumConfig.from_yaml(path) reads .pum.yaml; PumConfig(base_path, **sections) takes the same
sections as keyword arguments (they reach the native reader as a JSON document, so every key is
checked exactly as in a file). validate=True also reads every changelog file and hook.
"""

import json
import logging
from pathlib import Path
from types import SimpleNamespace

import packaging.version

from . import _core
from ._version import __version__
from .exceptions import PumConfigError, PumException, PumHookError, PumInvalidChangelog

logger = logging.getLogger(__name__)

# The pum 1.x level this package implements (pum.minimum_version is checked against it).
PUM_VERSION = packaging.version.Version(__version__)


def _namespace(value):
    if isinstance(value, dict):
        return SimpleNamespace(**{k: _namespace(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_namespace(v) for v in value]
    return value


class PumConfig:
    """A module's configuration (pum 1.8 API)."""

    def __init__(self, base_path, *, validate=True, install_dependencies=False, **kwargs):
        base_path = Path(base_path)
        if not base_path.is_dir():
            raise PumConfigError(f"Directory `{base_path}` does not exist.")
        if "base_path" in kwargs:
            raise PumConfigError("base_path not allowed in configuration instead.")
        self._base_path = base_path
        self.dependency_path = None
        self._cached_handlers = []
        text = json.dumps(kwargs, default=str)
        self._handle = _core.call(
            lambda n: n.load_config_text,
            text,
            str(base_path),
            f"PumConfig({base_path})",
            error_class=PumConfigError,
        )
        self._init_from_handle(validate, install_dependencies)

    @classmethod
    def from_yaml(cls, file_path, *, validate=True, install_dependencies=False):
        """Reads a .pum.yaml file."""
        file_path = Path(file_path)
        if not file_path.exists():
            raise FileNotFoundError(f"No such file: '{file_path}'")
        self = cls.__new__(cls)
        self._base_path = file_path.parent
        self.dependency_path = None
        self._cached_handlers = []
        self._handle = _core.call(
            lambda n: n.load_config, str(file_path), str(file_path), error_class=PumConfigError
        )
        self._init_from_handle(validate, install_dependencies)
        return self

    def _init_from_handle(self, validate, install_dependencies):
        self._data = json.loads(self._handle.to_json())
        data = self._data
        self.config = SimpleNamespace(
            pum=SimpleNamespace(
                module=data["module"],
                migration_table_schema=data["migration_table_schema"],
                minimum_version=data["minimum_version"],
            ),
            changelogs_directory=data["changelogs_directory"],
            parameters=_namespace(data["parameters"]),
            roles=_namespace(data["roles"]),
            demo_data=_namespace(data["demo_data"]),
            dependencies=_namespace(data["dependencies"]),
            application=SimpleNamespace(
                drop=_namespace(data["drop_hooks"]), create=_namespace(data["create_hooks"])
            ),
            uninstall=_namespace(data["uninstall_hooks"]),
        )
        if validate:
            minimum = data["minimum_version"]
            if minimum and PUM_VERSION < packaging.version.parse(minimum):
                raise PumConfigError(
                    f"Minimum required version of pum is {minimum}, but the current version is "
                    f"{PUM_VERSION}. Please upgrade pum."
                )
            try:
                self.validate(install_dependencies=install_dependencies)
            except (PumInvalidChangelog, PumHookError) as error:
                raise PumConfigError(
                    f"Configuration is invalid: {error}. You can disable the validation when "
                    "constructing the config."
                ) from error

    @property
    def base_path(self):
        return self._base_path

    def validate(self, install_dependencies=False):
        """Reads and checks every changelog file and application hook (PumConfigError)."""
        directory = self._base_path / self._data["changelogs_directory"]
        with_changelogs = directory.is_dir() and any(p.is_dir() for p in directory.iterdir())
        _core.call(lambda n: n.validate, self._handle, with_changelogs, error_class=PumConfigError)

    def parameters(self):
        from .parameter import ParameterDefinition

        return [
            ParameterDefinition(
                name=p["name"],
                type=p["type"],
                default=p["default"],
                description=p["description"],
                values=p["values"],
                app_only=p["app_only"],
            )
            for p in self._data["parameters"]
        ]

    def parameter(self, name):
        for parameter in self.parameters():
            if parameter.name == name:
                return parameter
        raise PumConfigError(f"Parameter '{name}' not found in configuration.") from None

    def changelogs(self, min_version=None, max_version=None):
        """The changelog directories, in version order, within the inclusive bounds."""
        from .changelog import Changelog

        path = self._base_path / self._data["changelogs_directory"]
        if not path.is_dir():
            raise PumException(f"Changelogs directory `{path}` does not exist.")
        if not any(path.iterdir()):
            raise PumException(f"Changelogs directory `{path}` is empty.")
        entries = _core.call(lambda n: n.changelogs, self._handle)
        changelogs = [Changelog(entry["dir"]) for entry in entries]
        if min_version:
            low = packaging.version.parse(str(min_version))
            changelogs = [c for c in changelogs if c.version >= low]
        if max_version:
            high = packaging.version.parse(str(max_version))
            changelogs = [c for c in changelogs if c.version <= high]
        return changelogs

    def last_version(self, min_version=None, max_version=None):
        changelogs = self.changelogs(min_version, max_version)
        return changelogs[-1].version if changelogs else None

    def demo_data(self):
        return {entry["name"]: list(entry["files"]) for entry in self._data["demo_data"]}

    def role_manager(self):
        from .role_manager import RoleManager

        return RoleManager([r for r in self._data["roles"]])

    def _handlers(self, key):
        from .hook import HookHandler

        handlers = []
        for hook in self._data[key]:
            handlers.append(
                HookHandler(base_path=self._base_path, file=hook.get("file"), code=hook.get("code"))
            )
        self._cached_handlers.extend(handlers)
        return handlers

    def drop_app_handlers(self):
        return self._handlers("drop_hooks")

    def create_app_handlers(self):
        return self._handlers("create_hooks")

    def uninstall_handlers(self):
        return self._handlers("uninstall_hooks")

    def cleanup_hook_imports(self):
        """Releases the Python hooks of the handlers returned so far: once no hook of the module
        directory is loaded, the modules imported from it leave sys.modules."""
        for handler in self._cached_handlers:
            handler.release()
        self._cached_handlers.clear()
