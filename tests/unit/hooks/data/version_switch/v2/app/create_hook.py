import sys

from pum import HookBase
from view.helper_v2 import get_version


class Hook(HookBase):
    def run_hook(self, connection):
        assert get_version() == "v2", get_version()
        stale = [name for name in sys.modules if "helper_v1" in name]
        assert not stale, stale
