"""What HookBase.execute returns: the rows of the last statement, kept after its cursor closed."""


class CursorResult:
    """Rows, description and row count of an executed statement, as pum 1.8 returns them."""

    def __init__(self, results=None, description=None, rowcount=0):
        self._pum_results = results
        self._pum_description = description
        self._pum_rowcount = rowcount
        self._pum_index = 0

    @classmethod
    def from_cursor(cls, cursor):
        """Reads what the cursor's current result holds (nothing for DDL)."""
        import psycopg

        try:
            results = cursor.fetchall()
        except psycopg.ProgrammingError:
            return cls()
        return cls(results, cursor.description, cursor.rowcount)

    @property
    def description(self):
        return self._pum_description

    @property
    def rowcount(self):
        return self._pum_rowcount

    def fetchone(self):
        if not self._pum_results or self._pum_index >= len(self._pum_results):
            return None
        row = self._pum_results[self._pum_index]
        self._pum_index += 1
        return row

    def fetchmany(self, size=1):
        if not self._pum_results:
            return []
        rows = self._pum_results[self._pum_index : self._pum_index + size]
        self._pum_index += len(rows)
        return rows

    def fetchall(self):
        if not self._pum_results:
            return []
        rows = self._pum_results[self._pum_index :]
        self._pum_index = len(self._pum_results)
        return rows
