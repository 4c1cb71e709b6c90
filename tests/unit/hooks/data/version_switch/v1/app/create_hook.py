from pum import HookBase
from view.helper_v1 import get_version


class Hook(HookBase):
    def run_hook(self, connection):
        assert get_version() == "v1", get_version()
