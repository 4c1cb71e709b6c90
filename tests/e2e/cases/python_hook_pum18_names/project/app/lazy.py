import sys

import pum

# Hooks are all imported before the first one runs: look when this file is imported, before
# all_names.py is.
LOADED = sorted(
    name for name in ("pum.upgrader", "pum.pum_config", "pum.role_manager", "pum.checker")
    if name in sys.modules
)


def run_hook(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO pum_test_data.hook_log (message) VALUES (%s)",
            (f"lazy: {LOADED} {'Upgrader' in dir(pum)}",),
        )
