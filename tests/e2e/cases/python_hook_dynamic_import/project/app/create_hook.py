from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        import helper  # imported when the hook runs, not when it loads

        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO pum_test_data.hook_log (message) VALUES (%s)", (helper.message(),)
            )
