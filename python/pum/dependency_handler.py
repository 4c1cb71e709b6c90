"""pum 1.8's pum.dependency_handler: one Python distribution a module's hooks need.

Whether the installed version fits the bounds is decided by the binary's own check of a
`dependencies:` entry (the native core). What is left in Python is Python's business: asking
importlib.metadata what this interpreter has installed, and, only when the caller asks for it
with install_dependencies=True, running pip for this interpreter (the `pum` binary never
installs anything; pum 1.8's API does on request, so the API keeps that).
"""

import importlib.metadata
import logging
import os
import platform
import subprocess
import sys
from pathlib import Path

from . import _core
from .exceptions import PumDependencyError

logger = logging.getLogger(__name__)


def _text(version):
    return None if version is None else str(version)


class DependencyHandler:
    """A dependency `name` with inclusive bounds (packaging.version.Version or None)."""

    def __init__(self, name, *, minimum_version, maximum_version):
        self.name = name
        self.minimum_version = minimum_version
        self.maximum_version = maximum_version

    def _installed(self):
        try:
            return importlib.metadata.version(self.name)
        except importlib.metadata.PackageNotFoundError:
            return None

    def resolve(self, install_dependencies: bool = False, install_path=None):
        """Raises PumDependencyError when the installed version is missing or out of bounds;
        with install_dependencies, pip-installs a fitting version into install_path instead."""
        try:
            _core.call(
                lambda n: n.dependency_check,
                self.name,
                _text(self.minimum_version),
                _text(self.maximum_version),
                self._installed(),
                f"Python {platform.python_version()} ({sys.prefix})",
                error_class=PumDependencyError,
            )
        except PumDependencyError as problem:
            if not install_dependencies:
                raise
            if install_path is None:
                raise PumDependencyError(
                    f"{problem}\nno install path was given to install `{self.name}` into"
                ) from None
            logger.warning("%s: installing it into %s", str(problem).split("\n")[0], install_path)
            self.pip_install(install_path=install_path)
            return
        logger.debug("Dependency %s is satisfied.", self.name)

    def requirement(self):
        """The pip requirement: name>=minimum,<=maximum."""
        return _core.call(
            lambda n: n.dependency_requirement,
            self.name,
            _text(self.minimum_version),
            _text(self.maximum_version),
        )

    def pip_install(self, install_path: str):
        """Runs `python -m pip install REQUIREMENT --target install_path` for this interpreter
        (no shell) and puts install_path first on sys.path; PumDependencyError with pip's errors
        when it fails."""
        target = str(install_path)
        requirement = self.requirement()
        command = [self.python_command(), "-m", "pip", "install", requirement, "--target", target]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [target, env.get("PYTHONPATH")]))
        logger.debug("Running %s", " ".join(command))
        result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        if result.returncode != 0:
            raise PumDependencyError(result.stderr.strip() or f"pip failed ({result.returncode})")
        if target not in sys.path:
            sys.path.insert(0, target)
        importlib.invalidate_caches()

    def python_command(self):
        """The Python interpreter to run pip with: this one; inside an application embedding
        Python (QGIS), the python3 or python beside its executable."""
        executable = Path(sys.executable or "python3")
        if os.name == "nt":
            return "python"
        if not executable.name.startswith("python"):
            for name in ("python3", "python"):
                candidate = executable.parent / name
                if candidate.exists():
                    return str(candidate)
        return str(executable)
