from pum import HookBase
from view.submodule.helper import get_value


class Hook(HookBase):
    def run_hook(self, connection):
        value = get_value()
        assert value == "value_from_submodule_v1", value
