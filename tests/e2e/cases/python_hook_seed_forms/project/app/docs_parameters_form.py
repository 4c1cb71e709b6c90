from psycopg import Connection
from pum.utils.execute_sql import execute_sql

class Hook(HookBase):
    def run_hook(connection: Connection, srid: int):
        sql_code = """
            CREATE OR REPLACE VIEW pum_test_app.srid_view AS
            SELECT id, {srid} AS srid
            FROM pum_test_data.some_table;
        """
        self.execute(sql=sql_code)
