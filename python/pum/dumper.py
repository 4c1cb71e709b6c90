"""pum 1.8's pum.dumper: dumping and restoring a database with the code of the binary's
`pum dump` and `pum restore` (pg_dump, pg_restore or psql run without a shell, the password never
on their command line)."""

import enum

from . import _core
from .exceptions import PgDumpFailed, PgRestoreFailed


class DumpFormat(enum.Enum):
    """The formats of `pum dump`."""

    CUSTOM = "custom"
    PLAIN = "plain"

    def to_pg_dump_flag(self):
        """The pg_dump option of the format (pum 1.8 API)."""
        return {"custom": "-Fc", "plain": "-Fp"}[self.value]


class Dumper:
    """Dumps a database to `dump_path` and restores it from there (pum 1.8 API); the database
    is a service name or a conninfo/URI, as the binary's -p."""

    def __init__(self, pg_connection: str, dump_path: str):
        self.pg_connection = pg_connection
        self.dump_path = dump_path

    def _connection(self, dbname):
        if not dbname:
            return str(self.pg_connection)
        return _core.call(lambda n: n.conninfo_with_dbname, str(self.pg_connection), str(dbname))

    def pg_dump(
        self,
        dbname=None,
        *,
        pg_dump_exe="pg_dump",
        exclude_schema=None,
        format=DumpFormat.CUSTOM,
    ):
        """Dumps the database (`dbname` replaces the connection's database); PgDumpFailed with
        pg_dump's errors when it fails. pg_dump_exe other than "pg_dump" is the program run;
        by default pum picks the pg_dump matching the server's version."""
        format = DumpFormat(format)
        sink = _core.LogSink("pum.dumper")
        _core.call(
            lambda n: n.dump,
            self._connection(dbname),
            str(self.dump_path),
            format.value,
            list(exclude_schema or []),
            None if pg_dump_exe in (None, "pg_dump") else str(pg_dump_exe),
            sink,
            sink.level,
            error_class=PgDumpFailed,
        )

    def pg_restore(self, dbname=None, pg_restore_exe="pg_restore", exclude_schema=None):
        """Restores the dump into the database (`dbname` replaces the connection's database):
        an archive with pg_restore, a plain SQL file with psql; PgRestoreFailed with the
        program's errors when it fails."""
        sink = _core.LogSink("pum.dumper")
        _core.call(
            lambda n: n.restore,
            self._connection(dbname),
            str(self.dump_path),
            list(exclude_schema or []),
            None if pg_restore_exe in (None, "pg_restore") else str(pg_restore_exe),
            sink,
            sink.level,
            error_class=PgRestoreFailed,
        )

