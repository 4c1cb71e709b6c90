import sys

from pum import HookBase
from view.helper_v1 import get_version


class Hook(HookBase):
    def run_hook(self, connection):
        assert get_version() == "v1", get_version()
        assert "helper_v2" not in sys.modules
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO pum_test_data.hook_log (message) VALUES (%s)", ("v1",))
