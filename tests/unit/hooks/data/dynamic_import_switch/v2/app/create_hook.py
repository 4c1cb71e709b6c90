import sys

from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        import helper_dynamic_v2

        assert helper_dynamic_v2.VERSION == "v2"
        others = [n for n in sys.modules if n.startswith("helper_dynamic_") and n != "helper_dynamic_v2"]
        assert not others, others
