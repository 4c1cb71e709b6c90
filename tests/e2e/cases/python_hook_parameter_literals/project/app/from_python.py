from pathlib import Path

from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection, srid, ratio, label, enabled, nothing):
        """The same text as app/from_sql.sql, rendered by self.execute, and the Python values."""
        sql = Path(__file__).with_name("from_sql.sql").read_text().replace("'sql'", "'python'")
        self.execute(sql)
        self.execute(Path(__file__).with_name("from_sql.sql").with_suffix(".sql.in"))
        values = repr((srid, ratio, label, enabled, nothing))
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO pum_test_data.rendered VALUES ('values', %s)", (values,))
