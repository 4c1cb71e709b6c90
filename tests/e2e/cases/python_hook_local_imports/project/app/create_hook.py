import local_helper
from view import sibling_helper

from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        with connection.cursor() as cursor:
            for text in (local_helper.message(), sibling_helper.message()):
                cursor.execute("INSERT INTO pum_test_data.hook_log (message) VALUES (%s)", (text,))
