from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        self.execute(
            "DO $$ BEGIN IF to_regclass('pum_test_data.hook_log') IS NOT NULL THEN "
            "INSERT INTO pum_test_data.hook_log (message) VALUES ('create'); END IF; END $$"
        )
