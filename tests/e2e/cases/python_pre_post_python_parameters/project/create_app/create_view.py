import psycopg

from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection: psycopg.Connection) -> None:
        """{my_comment} is rendered by pum from every parameter, as in SQL hooks."""
        sql_code = """
        CREATE OR REPLACE VIEW pum_test_app.some_view AS
        SELECT id, name, created_date
        FROM pum_test_data.some_table
        WHERE is_active = TRUE;

        COMMENT ON VIEW pum_test_app.some_view IS {my_comment};
        """
        self.execute(sql=sql_code)
