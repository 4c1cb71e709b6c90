from checks import check_count

from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        self.execute("INSERT INTO pum_test_data.hook_log (message) VALUES ('before the error')")
        rows = self.execute("SELECT count(*) FROM pum_test_data.hook_log").fetchone()
        check_count(rows[0])
