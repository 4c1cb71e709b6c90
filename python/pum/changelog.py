"""pum 1.8's pum.changelog: one version directory of a module's changelogs."""

from pathlib import Path

import packaging.version

from . import _core
from .exceptions import PumInvalidChangelog

APP_ONLY_RELEASE_FILE = "APP_ONLY_RELEASE"


class Changelog:
    """A changelog directory (`changelogs/1.2.3`): its version, SQL files and app-only flag."""

    def __init__(self, dir):
        self.dir = Path(dir)
        self.name = self.dir.name
        self.version = packaging.version.parse(self.name)

    def __repr__(self):
        return f"<dir: {self.dir} (v: {self.version})>"

    def _listing(self):
        return _core.call(
            lambda n: n.changelog_files, str(self.dir), error_class=PumInvalidChangelog
        )

    def files(self):
        """The SQL files, in the order they run (empty for an application-only release)."""
        files, _ = self._listing()
        return [Path(f) for f in files]

    def is_app_only(self):
        return (self.dir / APP_ONLY_RELEASE_FILE).is_file()

    def validate(self, parameters=None):
        """Raises PumInvalidChangelog unless every file would be accepted by install."""
        if not self.dir.is_dir():
            raise PumInvalidChangelog(f"Changelog directory `{self.dir}` does not exist.")
        files, _ = self._listing()
        for file in files:
            _core.call(lambda n: n.check_sql_file, file, error_class=PumInvalidChangelog)
        return True
