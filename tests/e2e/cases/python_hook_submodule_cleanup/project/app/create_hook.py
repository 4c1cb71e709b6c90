from pum import HookBase
from view.submodule.helper import get_value


class Hook(HookBase):
    def run_hook(self, connection):
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO pum_test_data.hook_log (message) VALUES (%s)", (get_value(),))
