import psycopg

from helpers.columns import select_columns
from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection: psycopg.Connection) -> None:
        """The table was created by a changelog of this same, still uncommitted, transaction."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*), sum(amount) FROM pum_test_data.some_table")
            count, total = cursor.fetchone()
            assert (count, str(total)) == (2, "3.75"), (count, total)
            columns = select_columns(
                pg_cur=cursor,
                table_schema="pum_test_data",
                table_name="some_table",
                remove_pkey=True,
                skip_columns=["is_active"],
            )
        self.execute("CREATE SCHEMA pum_test_app")
        self.execute(
            f"CREATE VIEW pum_test_app.some_view AS SELECT {columns} FROM pum_test_data.some_table"
        )
        with connection.cursor(row_factory=psycopg.rows.dict_row) as cursor:
            cursor.execute("SELECT name FROM pum_test_app.some_view ORDER BY name")
            names = [row["name"] for row in cursor]
        self.execute(f"COMMENT ON VIEW pum_test_app.some_view IS '{','.join(names)}'")
