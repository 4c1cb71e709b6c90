import sys

from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection, forbidden):
        left = sorted(
            name
            for name in sys.modules
            if name == "view" or name.startswith(("view.", "helper_v", "helper_dynamic_"))
            or name == "create_hook"
        )
        assert not left, f"{forbidden}: {left}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
