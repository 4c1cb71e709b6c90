import sys

from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        import helper_dynamic_v1

        assert helper_dynamic_v1.VERSION == "v1"
        others = [n for n in sys.modules if n.startswith("helper_dynamic_") and n != "helper_dynamic_v1"]
        assert not others, others
