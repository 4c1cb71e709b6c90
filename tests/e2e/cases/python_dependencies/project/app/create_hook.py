from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        self.execute("INSERT INTO pum_test_data.hook_log (message) VALUES ('ran')")
