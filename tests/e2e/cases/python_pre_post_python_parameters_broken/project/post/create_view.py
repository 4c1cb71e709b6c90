import psycopg

from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection: psycopg.Connection, my_comment: str) -> None:
        self.execute(f"COMMENT ON TABLE pum_test_data.some_table IS '{my_comment}'")
