"""pum 1.8's pum.schema_migrations: the pum_migrations table, read and written by pum's native
core on the caller's connection (in its transaction; committed only with commit=True)."""

import datetime
import json
import logging
import re

import packaging.version

from . import _core
from .exceptions import PumSchemaMigrationError, PumSchemaMigrationNoBaselineError

logger = logging.getLogger(__name__)

MIGRATION_TABLE_VERSION = 3
MIGRATION_TABLE_NAME = "pum_migrations"


def _timestamp(text):
    if text is None:
        return None
    value = text.replace(" ", "T", 1)
    if re.search(r"[+-]\d\d$", value):
        value += ":00"
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return text


def _row(raw):
    row = dict(raw)
    row["date_installed"] = _timestamp(row["date_installed"])
    row["parameters"] = json.loads(row["parameters"]) if row["parameters"] else {}
    try:
        row["id"] = int(row["id"])
    except (TypeError, ValueError):
        pass
    return row


def _latest(rows):
    """The row of the highest version (numeric order), the latest installed on a tie."""

    def key(row):
        return (packaging.version.parse(row["version"]), row["date_installed"] or 0)

    return max(rows, key=key) if rows else None


class SchemaMigrations:
    """The migrations table of a module (pum 1.8 API)."""

    def __init__(self, config):
        self.config = config
        self.schema = config.config.pum.migration_table_schema
        self.migration_table_identifier_str = f"{self.schema}.{MIGRATION_TABLE_NAME}"

    def _call(self, name, *args, error_class=PumSchemaMigrationError):
        return _core.call(lambda n: getattr(n, name), *args, error_class=error_class)

    def exists(self, connection):
        return self._call("table_exists", _core.pgconn_address(connection), self.schema)

    @staticmethod
    def schemas_with_migrations(connection):
        return _core.call(lambda n: n.table_schemas, _core.pgconn_address(connection))

    def exists_in_other_schemas(self, connection):
        return [s for s in self.schemas_with_migrations(connection) if s != self.schema]

    def create(self, connection, *, allow_multiple_modules=False, commit=False):
        if self.exists(connection):
            logger.info("%s already exists", self.migration_table_identifier_str)
            return
        others = self.exists_in_other_schemas(connection)
        if others and not allow_multiple_modules:
            raise PumSchemaMigrationError(
                "Another pum_migrations table exists in another schema "
                f"({', '.join(others)}). Use allow_multiple_modules to allow this."
            )
        self._call(
            "table_create",
            _core.pgconn_address(connection),
            self.schema,
            commit or _core.autocommit(connection),
        )

    def migration_table_version(self, connection):
        return self._call("table_layout", _core.pgconn_address(connection), self.schema)

    def update_migration_table_schema(self, connection):
        self._call(
            "table_upgrade_layout",
            _core.pgconn_address(connection),
            self.schema,
            self.config.config.pum.module,
            _core.autocommit(connection),
        )

    def _rows(self, connection):
        if not self.exists(connection):
            raise PumSchemaMigrationError(
                f"{self.migration_table_identifier_str} table does not exist."
            )
        raw = self._call("table_rows", _core.pgconn_address(connection), self.schema)
        return [_row(r) for r in raw]

    def set_baseline(
        self,
        connection,
        version,
        changelog_files=None,
        parameters=None,
        *,
        beta_testing=False,
        commit=False,
    ):
        version_str = str(version)
        if not re.match(r"^\d+\.\d+(\.\d+)?$", version_str):
            raise ValueError(f"Wrong version format: {version}. Must be x.y or x.y.z")
        try:
            current = self.baseline(connection)
        except PumSchemaMigrationNoBaselineError:
            current = None
        if current is not None and current >= packaging.version.parse(version_str):
            raise PumSchemaMigrationError(
                f"Cannot set baseline {version_str} as it is already set at {current}."
            )
        logger.info(
            "Setting baseline version %s in %s table", version, self.migration_table_identifier_str
        )
        self._call(
            "table_insert",
            _core.pgconn_address(connection),
            self.schema,
            self.config.config.pum.module,
            version_str,
            beta_testing,
            [str(f) for f in (changelog_files or [])],
            json.dumps(parameters or {}),
            commit or _core.autocommit(connection),
        )

    def has_baseline(self, connection):
        try:
            self.baseline(connection)
            return True
        except PumSchemaMigrationError:
            return False

    def baseline(self, connection):
        rows = self._rows(connection)
        latest = _latest(rows)
        if latest is None:
            raise PumSchemaMigrationNoBaselineError(
                f"Baseline version not found in the {self.migration_table_identifier_str} table."
            )
        return packaging.version.parse(latest["version"])

    def baseline_beta_testing(self, connection):
        latest = _latest(self._rows(connection))
        return bool(latest and latest["beta_testing"])

    def migration_details(self, connection, version=None):
        rows = self._rows(connection)
        if version is None:
            row = _latest(rows)
        else:
            matching = [r for r in rows if r["version"] == str(version)]
            row = max(matching, key=lambda r: r["date_installed"]) if matching else None
        if row is None:
            raise PumSchemaMigrationError(
                f"Migration details not found for version {version} in the "
                f"{self.migration_table_identifier_str} table."
            )
        return row

    def migration_summary(self, connection):
        rows = self._rows(connection)
        if not rows:
            raise PumSchemaMigrationError(
                f"No migration data found in {self.migration_table_identifier_str}."
            )
        return _summary(self.schema, rows)

    @staticmethod
    def schemas_with_migration_details(connection):
        address = _core.pgconn_address(connection)
        details = []
        for schema in _core.call(lambda n: n.table_schemas, address):
            rows = [_row(r) for r in _core.call(lambda n: n.table_rows, address, schema)]
            if rows:
                summary = _summary(schema, rows)
                details.append({k: summary[k] for k in (
                    "schema", "module", "version", "installed_date", "upgrade_date",
                    "beta_testing")})
        return details

    def compare(self, connection):
        current = self.baseline(connection)
        details = self.migration_details(connection)
        versions = [str(c.version) for c in self.config.changelogs()]
        if details["version"] not in versions:
            raise PumSchemaMigrationError(
                f"Changelog for version {details['version']} not found in the source."
            )
        for version in versions:
            if packaging.version.parse(version) > current:
                return -1
        return 0


def _summary(schema, rows):
    latest = _latest(rows)
    dates = [r["date_installed"] for r in rows if r["date_installed"] is not None]
    installed, upgraded = (min(dates), max(dates)) if dates else (None, None)
    return {
        "schema": schema,
        "module": latest["module"],
        "version": latest["version"],
        "installed_date": installed,
        "upgrade_date": upgraded if upgraded and upgraded > installed else None,
        "beta_testing": latest["beta_testing"],
        "parameters": latest["parameters"],
        "pum_version": latest.get("pum_version") or "0.0.0",
    }
