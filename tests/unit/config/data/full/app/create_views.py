from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection, SRID):
        self.execute(f"CREATE VIEW pipes_app.v_srid AS SELECT {SRID} AS srid")
