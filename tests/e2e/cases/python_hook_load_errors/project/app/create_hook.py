from pum import HookBase


class Hook(HookBase)
    def run_hook(self, connection):
        pass
