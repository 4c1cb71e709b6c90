"""pum 1.8's pum.checker: compares the structure of two databases with the engine of
`pum check` (docs/check.md), on the Checker's own two psycopg connections.

The report classes keep pum 1.8's fields; a report made by run_checks also holds the native
report, which ReportGenerator renders as `pum check -f text|json|html` does.
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

import psycopg

from . import _core


class DifferenceType(Enum):
    """Whether a row is only in the second database (added) or only in the first (removed)."""

    ADDED = "added"
    REMOVED = "removed"


@dataclass
class DifferenceItem:
    """One row found in one database only: a dict of the check's columns."""

    type: DifferenceType
    content: dict | str

    def __str__(self) -> str:
        sign = "+" if self.type is DifferenceType.ADDED else "-"
        return f"{sign} {self.content}"


@dataclass
class CheckResult:
    """The outcome of one check (tables, columns, ...)."""

    name: str
    key: str
    passed: bool
    differences: list[DifferenceItem] = field(default_factory=list)

    @property
    def difference_count(self) -> int:
        return len(self.differences)


@dataclass
class ComparisonReport:
    """Every executed check of a comparison."""

    pg_connection1: str
    pg_connection2: str
    timestamp: datetime
    check_results: list[CheckResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.check_results)

    @property
    def total_checks(self) -> int:
        return len(self.check_results)

    @property
    def passed_checks(self) -> int:
        return len([result for result in self.check_results if result.passed])

    @property
    def failed_checks(self) -> int:
        return self.total_checks - self.passed_checks

    @property
    def total_differences(self) -> int:
        return sum(result.difference_count for result in self.check_results)


def _connect(pg_connection):
    # The service-name-or-conninfo rule of the binary's -p.
    conninfo = _core.call(lambda n: n.conninfo_from_argument, pg_connection)
    return psycopg.connect(conninfo)


class Checker:
    """Compares two databases (pum 1.8 API): each given as a service name or a conninfo/URI."""

    def __init__(
        self,
        pg_connection1,
        pg_connection2,
        exclude_schema=None,
        exclude_field_pattern=None,
        ignore_list=None,
        *,
        include_migrations_table=False,
    ):
        self.pg_connection1 = pg_connection1
        self.pg_connection2 = pg_connection2
        self.conn1 = _connect(pg_connection1)
        self.cur1 = self.conn1.cursor()
        self.conn2 = _connect(pg_connection2)
        self.cur2 = self.conn2.cursor()
        self.ignore_list = list(ignore_list or [])
        self.exclude_schema_list = ["information_schema", *(exclude_schema or [])]
        self.exclude_field_pattern = list(exclude_field_pattern or [])
        # Extension: the binary's --include-migrations-table (by default every pum_migrations
        # table is left out of the comparison, as `pum check` does).
        self.include_migrations_table = include_migrations_table

    def run_checks(self) -> ComparisonReport:
        """Runs every check not in ignore_list and returns the report."""
        # The engine reads each database in a read-only snapshot transaction of its own: a
        # transaction left open on the Checker's connections (they only ever read) is ended.
        for connection in (self.conn1, self.conn2):
            if connection.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                connection.rollback()
        keys = set(_core.call(lambda n: n.check_keys))
        sink = _core.LogSink("pum.checker")
        try:
            native = _core.call(
                lambda n: n.check_compare,
                _core.pgconn_address(self.conn1),
                _core.pgconn_address(self.conn2),
                str(self.pg_connection1),
                str(self.pg_connection2),
                [key for key in self.ignore_list if key in keys],
                self.exclude_schema_list,
                self.exclude_field_pattern,
                self.include_migrations_table,
                sink,
                sink.level,
            )
        except BaseException:
            for connection in (self.conn1, self.conn2):
                if not connection.closed:
                    connection.rollback()
            raise
        report = ComparisonReport(
            pg_connection1=self.pg_connection1,
            pg_connection2=self.pg_connection2,
            timestamp=datetime.fromisoformat(native.timestamp),
            check_results=[_result(entry) for entry in native.results()],
        )
        report._native = native
        return report


def _result(entry):
    return CheckResult(
        name=entry["name"],
        key=entry["key"],
        passed=entry["passed"],
        differences=[
            DifferenceItem(DifferenceType(kind), content) for kind, content in entry["differences"]
        ],
    )
