from pum import HookBase
from folder.my_module import VIEW_SQL


class Hook(HookBase):
    def run_hook(self, connection):
        self.execute(VIEW_SQL)
