"""pum 1.8's pum.upgrader: install, upgrade, the application hooks, demo data and uninstall,
each run by pum's native engine on the caller's connection, in its transaction."""

import logging

from . import _core
from .exceptions import PumException
from .feedback import LogFeedback, SilentFeedback

logger = logging.getLogger(__name__)


class Upgrader:
    """Installs and upgrades a module (pum 1.8 API)."""

    def __init__(self, config, max_version=None):
        self.config = config
        self.max_version = max_version  # as in pum 1.8: the methods' own max_version counts

    def _run(self, name, feedback, cancelled, *args):
        sink = _core.LogSink("pum.upgrader", feedback, cancelled)
        _core.call(lambda n: getattr(n, name), *args, sink, sink.level)

    def install(
        self,
        connection=None,
        *,
        parameters=None,
        max_version=None,
        roles=False,
        grant=False,
        beta_testing=False,
        skip_drop_app=False,
        skip_create_app=False,
        allow_multiple_modules=False,
        commit=False,
        feedback=None,
    ):
        """Installs the module: the migrations table, every changelog up to max_version, the
        application hooks, roles and grants when asked; commits only with commit=True."""
        feedback = feedback or LogFeedback()
        self._run(
            "install",
            feedback,
            "Installation cancelled by user",
            _core.pgconn_address(connection),
            self.config._handle,
            _core.parameter_pairs(parameters),
            str(max_version) if max_version else None,
            roles,
            grant,
            beta_testing,
            skip_drop_app,
            skip_create_app,
            allow_multiple_modules,
            commit or _core.autocommit(connection),
        )

    def install_demo_data(
        self,
        connection,
        name,
        *,
        parameters=None,
        grant=True,
        skip_drop_app=False,
        skip_create_app=False,
    ):
        """Loads a demo data set (committed in steps, as pum 1.8 does)."""
        if name not in self.config.demo_data():
            raise PumException(f"Demo data '{name}' not found in the configuration.")
        self._run(
            "install_demo_data",
            None,
            None,
            _core.pgconn_address(connection),
            self.config._handle,
            name,
            _core.parameter_pairs(parameters),
            grant,
            skip_drop_app,
            skip_create_app,
        )

    def upgrade(
        self,
        connection,
        *,
        parameters=None,
        max_version=None,
        beta_testing=False,
        force=False,
        skip_drop_app=False,
        skip_create_app=False,
        roles=False,
        grant=False,
        skip_baseline_check=False,
        feedback=None,
    ):
        """Applies the pending changelogs between the application hooks; always commits."""
        feedback = feedback or LogFeedback()
        self._run(
            "upgrade",
            feedback,
            "Upgrade cancelled by user",
            _core.pgconn_address(connection),
            self.config._handle,
            _core.parameter_pairs(parameters),
            str(max_version) if max_version else None,
            grant,
            beta_testing,
            force,
            skip_drop_app,
            skip_create_app,
            skip_baseline_check,
        )

    def _app(self, action, connection, parameters, commit, feedback):
        self._run(
            "app",
            feedback or SilentFeedback(),
            None,
            _core.pgconn_address(connection),
            self.config._handle,
            action,
            _core.parameter_pairs(parameters),
            commit or _core.autocommit(connection),
        )

    def drop_app(self, connection, *, parameters=None, commit=False, feedback=None):
        self._app("drop", connection, parameters, commit, feedback)

    def create_app(self, connection, *, parameters=None, commit=False, feedback=None):
        self._app("create", connection, parameters, commit, feedback)

    def recreate_app(self, connection, *, parameters=None, commit=False, feedback=None):
        self._app("recreate", connection, parameters, commit, feedback)

    def uninstall(self, connection, *, parameters=None, commit=False, feedback=None):
        """Runs the uninstall hooks."""
        self._run(
            "uninstall",
            feedback or LogFeedback(),
            "Uninstall cancelled by user",
            _core.pgconn_address(connection),
            self.config._handle,
            _core.parameter_pairs(parameters),
            commit or _core.autocommit(connection),
        )
