"""Runs one pum 0.x Python delta for the native pum binary (private).

Called as `python3 -m pum.core._run_delta SPEC`, SPEC a JSON object: file, module,
current_db_version, delta_dir, delta_dirs, pg_service, upgrades_table, variables. The file is
imported as a module named `module`, and every subclass of DeltaPy in it is instantiated and run.
A failure prints its traceback and exits with status 1.
"""

import importlib.util
import inspect
import json
import sys
import traceback

from pum.core.deltapy import DeltaPy


def _version(text):
    try:
        from packaging.version import Version

        return Version(text)
    except Exception:  # packaging missing, or not a version
        return text


def main(argv):
    spec = json.loads(argv[1])
    module_spec = importlib.util.spec_from_file_location(spec["module"], spec["file"])
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    for name in dir(module):
        obj = getattr(module, name)
        if inspect.isclass(obj) and obj is not DeltaPy and issubclass(obj, DeltaPy):
            instance = obj(
                _version(spec["current_db_version"]),
                spec["delta_dir"],
                spec["delta_dirs"],
                spec["pg_service"],
                spec["upgrades_table"],
                variables=spec["variables"],
            )
            instance.run()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
        sys.exit(1)
