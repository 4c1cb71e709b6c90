"""Runs one pum 0.x Python delta for the native pum binary (private).

Called as `python3 -m pum.core._run_delta SPEC`, SPEC a JSON object: file, module,
current_db_version, delta_dir, delta_dirs, pg_service, upgrades_table, variables. The file is
imported as a module named `module`, and every subclass of DeltaPy in it is instantiated and run.
A failure prints its traceback and exits with status 1.

Scripts written for pum 0.x check `pkg_resources.get_distribution("pum")`: when no
pum-*.dist-info sits beside the `pum` package (python/pum-1.8.0.dist-info in the source tree), one
is written to a temporary directory at the end of sys.path for the time of the run.
"""

import glob
import importlib.util
import inspect
import json
import os
import shutil
import sys
import tempfile
import traceback

from pum.core.deltapy import DeltaPy


def _version(text):
    try:
        from packaging.version import Version

        return Version(text)
    except Exception:  # packaging missing, or not a version
        return text


def _ensure_distribution():
    """Makes `pum` a distribution importlib.metadata and pkg_resources find; returns the temporary
    directory to remove afterwards, or None."""
    import pum

    base = os.path.dirname(os.path.dirname(os.path.abspath(pum.__file__)))
    if glob.glob(os.path.join(base, "pum-*.dist-info", "METADATA")):
        return None
    tmp = tempfile.mkdtemp(prefix="pum-dist-")
    info = os.path.join(tmp, "pum-{}.dist-info".format(pum.__version__))
    os.makedirs(info)
    with open(os.path.join(info, "METADATA"), "w", encoding="utf-8") as f:
        f.write("Metadata-Version: 2.1\nName: pum\nVersion: {}\n".format(pum.__version__))
    sys.path.append(tmp)
    return tmp


def main(argv):
    tmp = _ensure_distribution()
    try:
        return _run(argv)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _run(argv):
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
