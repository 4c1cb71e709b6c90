"""How the native pum binary loads and runs Python hooks (private: called from pum_python.so).

- load(): the hook file is imported under its stem, with a package-like __path__ (its own
  directory), while its directory and the module directory are at the front of sys.path; class
  Hook (with a class named HookBase in its MRO) is instantiated and run_hook's signature read.
- run(): run_hook gets a psycopg.Connection that borrows pum's own libpq connection, inside pum's
  transaction; the connection refuses to commit, roll back or close, and any query that would end
  the transaction; afterwards the connection is handed back (never closed by Python).
- release(): once no hook of a module directory is loaded any more, every module imported from
  that directory is evicted from sys.modules, so that another version of the module can be loaded
  in the same process.
- load_lifecycle() / fire_lifecycle(): lifecycle hooks (pum.hooks): the project's hooks modules
  and the configured module functions are imported with the project directory on sys.path; each
  event calls its functions with a pum.hooks.HookContext (one `metadata` dict for the whole run,
  `connection` borrowing pum's connection as run() does).
- describe_exception(): what pum prints when something raises.
"""

import contextlib
import copy
import ctypes
import difflib
import importlib
import importlib.metadata
import importlib.util
import inspect
import itertools
import json
import linecache
import logging
import os
import platform
import sys
import traceback

import _pum_native

from .exceptions import PumHookError
from .hook import HookBase

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))

# pum's log levels (pum::log::Level).
_DEBUG, _INFO, _WARNING, _ERROR = 10, 20, 30, 40


class HookProblem(Exception):
    """A problem pum's loader finds in a hook, located in the hook's file."""

    def __init__(self, message, hint=None, where=None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where  # (file, line, column, function, line_text)


# --- psycopg ------------------------------------------------------------------------------------

# The pure Python implementation is the one that can borrow an existing PGconn* (through ctypes,
# on the very libpq pum uses); it must be chosen before anything imports psycopg.
_previous_impl = os.environ.get("PSYCOPG_IMPL")
os.environ["PSYCOPG_IMPL"] = "python"
try:
    import psycopg
    import psycopg.pq

    _psycopg_error = None
except ImportError as error:  # no psycopg: reported when a hook runs
    psycopg = None
    _psycopg_error = error
finally:
    if _previous_impl is None:
        del os.environ["PSYCOPG_IMPL"]
    else:
        os.environ["PSYCOPG_IMPL"] = _previous_impl

if psycopg is not None:
    _pum_native.log(_DEBUG, f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__} implementation)")

_classes = None


def _guard(command):
    """Refuses a query that would end pum's transaction, before psycopg sends it."""
    if isinstance(command, (bytes, bytearray, memoryview)):
        text = bytes(command).decode("utf-8", "replace")
    else:
        text = str(command)
    what = _pum_native.ends_transaction(text)
    if what:
        raise PumHookError(
            f"a hook must not end pum's transaction ({what}): pum commits the whole command "
            "once, at the end"
        )


def _connection_classes():
    """(PGconn subclass, Connection subclass) for borrowed connections, built on first use."""
    global _classes
    if _classes is not None:
        return _classes
    if psycopg is None:
        raise HookProblem(
            f"Python hooks need psycopg 3, which cannot be imported: {_psycopg_error}",
            hint="install it for pum's Python: apt install python3-psycopg, or pip install psycopg",
        )
    if psycopg.pq.__impl__ != "python":
        raise HookProblem(
            f"pum needs psycopg's pure Python implementation, but psycopg uses "
            f"'{psycopg.pq.__impl__}'"
        )
    from psycopg.pq import pq_ctypes

    class BorrowedPGconn(pq_ctypes.PGconn):
        """pum's PGconn: Python never finishes it, and transaction control is refused."""

        __slots__ = ()

        def finish(self):
            self._pgconn_ptr = None  # hand it back: pum closes its own connection

        def __del__(self):
            pass

        def send_query(self, command, *args, **kwargs):
            _guard(command)
            return super().send_query(command, *args, **kwargs)

        def exec_(self, command, *args, **kwargs):
            _guard(command)
            return super().exec_(command, *args, **kwargs)

        def send_query_params(self, command, *args, **kwargs):
            _guard(command)
            return super().send_query_params(command, *args, **kwargs)

        def exec_params(self, command, *args, **kwargs):
            _guard(command)
            return super().exec_params(command, *args, **kwargs)

        def send_prepare(self, name, command, *args, **kwargs):
            _guard(command)
            return super().send_prepare(name, command, *args, **kwargs)

        def prepare(self, name, command, *args, **kwargs):
            _guard(command)
            return super().prepare(name, command, *args, **kwargs)

    class HookConnection(psycopg.Connection):
        """The connection run_hook gets: pum's transaction, which only pum ends."""

        _pum_hook_connection = True  # SqlContent and execute_sql refuse commit=True on it

        def commit(self):
            raise PumHookError(
                "a hook must not commit: pum runs the whole command in one transaction and "
                "commits it once, at the end"
            )

        def rollback(self):
            raise PumHookError(
                "a hook must not roll back pum's transaction: raise an exception instead, and "
                "pum rolls everything back"
            )

        def close(self):
            raise PumHookError("a hook must not close pum's connection")

    _classes = (BorrowedPGconn, HookConnection)
    return _classes


def _check_libpq():
    """psycopg must call the libpq pum is linked with, or the PGconn* means nothing to it."""
    expected = getattr(_pum_native, "pq_status_address", 0)
    from psycopg.pq import _pq_ctypes

    library = getattr(_pq_ctypes, "pq", None)
    if not expected or library is None:
        return
    actual = ctypes.cast(library.PQstatus, ctypes.c_void_p).value
    if actual != expected:
        raise HookProblem(
            f"psycopg loaded another libpq ({getattr(_pq_ctypes, 'libname', '?')}) than pum's",
            hint="make psycopg find the libpq pum uses (libpq5), e.g. unset LD_LIBRARY_PATH",
        )


def _borrow(address):
    pgconn_class, connection_class = _connection_classes()
    _check_libpq()
    from psycopg.pq import _pq_ctypes

    pgconn = pgconn_class.__new__(pgconn_class)
    # What PGconn.__init__ sets, except the notice receiver: pum's stays, so that the server's
    # notices during a hook go to pum's log like all others.
    pgconn._pgconn_ptr = ctypes.cast(ctypes.c_void_p(address), _pq_ctypes.PGconn_ptr)
    pgconn.notice_handler = None
    pgconn.notify_handler = None
    pgconn._self_ptr = None
    pgconn._procpid = os.getpid()
    connection = connection_class(pgconn)
    # Server-side prepared statements would outlive this Connection object on pum's session.
    connection.prepare_threshold = None
    return connection


def _give_back(connection):
    connection.pgconn.finish()


# --- logging ------------------------------------------------------------------------------------


class _PumLogHandler(logging.Handler):
    """Python's logging module writes to pum's log, as pum 1.8's CLI shows hooks' log lines."""

    def emit(self, record):
        if record.levelno >= logging.ERROR:
            level = _ERROR
        elif record.levelno >= logging.WARNING:
            level = _WARNING
        elif record.levelno >= logging.INFO:
            level = _INFO
        else:
            level = _DEBUG
        try:
            _pum_native.log(level, self.format(record))
        except Exception:  # noqa: BLE001 - logging must never break a hook
            self.handleError(record)


def _setup_logging():
    root = logging.getLogger()
    if not any(isinstance(h, _PumLogHandler) for h in root.handlers):
        root.addHandler(_PumLogHandler())
    if _pum_native.log_enabled(_DEBUG):
        root.setLevel(logging.DEBUG)
    elif _pum_native.log_enabled(_INFO):
        root.setLevel(logging.INFO)
    else:
        root.setLevel(logging.WARNING)


# Under the Python API (pum imported by the application), pum's own log already goes to Python's
# logging: forwarding Python's records back to pum would loop.
if not getattr(_pum_native, "in_process", False):
    _setup_logging()


# --- loading ------------------------------------------------------------------------------------


class _Loaded:
    def __init__(self, instance, call, arguments, entries, module_dir, file):
        self.instance = instance  # the Hook instance, None for a module-level run_hook
        self.call = call  # how run_hook is called: _METHOD, _SELFLESS or _FUNCTION
        self.arguments = arguments  # [(name, has_default)]
        self.entries = entries  # sys.path entries while it loads and runs
        self.module_dir = module_dir
        self.file = file


# The three forms of a hook:
# - _METHOD: class Hook(HookBase) with run_hook(self, connection, ...) (pum 1.8);
# - _SELFLESS: the same with run_hook(connection, ...), no `self` (as pum 1.8's documentation
#   prints it). It is called as a plain function, and the name `self` (a global name inside it)
#   is bound to the Hook instance in the module's globals for the duration of the call, so that
#   `self.execute(...)` works;
# - _FUNCTION: a module-level function run_hook(connection, ...) and no class Hook (pum 1.0).
_METHOD, _SELFLESS, _FUNCTION = "method", "selfless", "function"


_loaded = {}
_ids = itertools.count(1)
# module directory -> [number of loaded hooks, directories whose modules are evicted at zero]
_directories = {}


def _frame(file, line, function="", column=0):
    text = linecache.getline(file, line).rstrip("\r\n") if line else ""
    return (file, line, column, function, text)


@contextlib.contextmanager
def _on_sys_path(entries):
    added = [entry for entry in entries if entry not in sys.path]
    for entry in reversed(added):
        sys.path.insert(0, entry)
    try:
        yield
    finally:
        for entry in added:
            with contextlib.suppress(ValueError):
                sys.path.remove(entry)


_HOOK_FORMS_HINT = (
    "write `class Hook(HookBase)` with a method `def run_hook(self, connection, ...)` "
    "(HookBase comes from `from pum import HookBase`), or a module-level function "
    "`def run_hook(connection, ...)`"
)


def _line_of(thing):
    with contextlib.suppress(OSError, TypeError):
        return inspect.getsourcelines(thing)[1]
    return 0


def _find_hook(module, file):
    """(form, Hook class or None, run_hook as found on the class or the module)."""
    hook_class = getattr(module, "Hook", None)
    if not inspect.isclass(hook_class):
        function = getattr(module, "run_hook", None)
        if inspect.isfunction(function):
            return _FUNCTION, None, function
        if hook_class is not None:
            raise HookProblem(
                "its name 'Hook' is not a class",
                hint=_HOOK_FORMS_HINT,
                where=_frame(file, 0),
            )
        for candidate in vars(module).values():
            if (
                inspect.isclass(candidate)
                and getattr(candidate, "__module__", None) == module.__name__
                and callable(getattr(candidate, "run_hook", None))
            ):
                line = _line_of(candidate)
                raise HookProblem(
                    "it defines no class named 'Hook' and no function named 'run_hook'",
                    hint=f"pum only looks for the class named 'Hook': rename class "
                    f"'{candidate.__name__}' to Hook",
                    where=_frame(file, line or 1, candidate.__name__),
                )
        raise HookProblem(
            "it defines no class named 'Hook' and no function named 'run_hook'",
            hint=_HOOK_FORMS_HINT,
            where=_frame(file, 1),
        )
    line = _line_of(hook_class)
    if not any(base.__name__ == "HookBase" for base in hook_class.__mro__):
        raise HookProblem(
            "its class 'Hook' does not inherit from HookBase",
            hint="from pum import HookBase, then class Hook(HookBase)",
            where=_frame(file, line, "Hook"),
        )
    run_hook = getattr(hook_class, "run_hook", None)
    if not callable(run_hook):
        raise HookProblem(
            "its class 'Hook' has no method run_hook",
            hint="define run_hook(self, connection, ...) in class Hook",
            where=_frame(file, line, "Hook"),
        )
    static = inspect.getattr_static(hook_class, "run_hook")
    if inspect.isfunction(static) and not getattr(static, "__isabstractmethod__", False):
        names = list(inspect.signature(static).parameters)
        if names and names[0] == "connection":
            return _SELFLESS, hook_class, static
    return _METHOD, hook_class, run_hook


def _run_hook_frame(run_hook, file):
    code = getattr(inspect.unwrap(run_hook), "__code__", None)
    if code is None:
        return _frame(file, 0)
    text = linecache.getline(code.co_filename, code.co_firstlineno).rstrip("\r\n")
    column = text.find("def ") + 1 if "def " in text else 0
    return (code.co_filename, code.co_firstlineno, column, "run_hook", text)


def load(path, module_dir):
    """Imports a hook file; returns (id, [(argument, has_default)], frame of run_hook)."""
    path = os.path.abspath(path)
    module_dir = os.path.abspath(module_dir)
    hook_dir = os.path.dirname(path)
    entries = [hook_dir] if hook_dir == module_dir else [hook_dir, module_dir]
    directory = _directories.setdefault(module_dir, [0, {module_dir}])
    directory[0] += 1
    directory[1].add(hook_dir)
    try:
        name = os.path.splitext(os.path.basename(path))[0]
        with _on_sys_path(entries):
            spec = importlib.util.spec_from_file_location(
                name, path, submodule_search_locations=[hook_dir]
            )
            module = importlib.util.module_from_spec(spec)
            # pum 1.8's documentation shows `class Hook(HookBase)` without importing HookBase:
            # the name is there already (the hook's own import or definition replaces it).
            module.__dict__.setdefault("HookBase", HookBase)
            previous = sys.modules.get(name)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                if sys.modules.get(name) is module:
                    if previous is None:
                        del sys.modules[name]
                    else:
                        sys.modules[name] = previous
                raise
            form, hook_class, run_hook = _find_hook(module, path)
            frame = _run_hook_frame(run_hook, path)
            names = list(inspect.signature(run_hook).parameters)
            if "connection" not in names:
                if form == _FUNCTION:
                    what, hint = "its function run_hook", "def run_hook(connection, ...):"
                else:
                    what, hint = "its method run_hook", "def run_hook(self, connection, ...):"
                raise HookProblem(
                    f"{what} must accept 'connection' as an argument",
                    hint=f"{hint} pum passes the connection by name",
                    where=frame,
                )
            arguments = [
                (parameter.name, parameter.default is not inspect.Parameter.empty)
                for parameter in inspect.signature(run_hook).parameters.values()
                if parameter.name not in ("self", "connection")
                and parameter.kind
                not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
            ]
            instance = hook_class() if hook_class is not None else None
    except BaseException:
        _unref(module_dir)
        raise
    hook_id = next(_ids)
    call = (form, run_hook)
    _loaded[hook_id] = _Loaded(instance, call, arguments, entries, module_dir, path)
    return hook_id, arguments, frame


@contextlib.contextmanager
def _self_bound(function, instance):
    """`self` names `instance` in the globals of `function` while the block runs."""
    namespace = function.__globals__
    missing = object()
    previous = namespace.get("self", missing)
    namespace["self"] = instance
    try:
        yield
    finally:
        if previous is missing:
            namespace.pop("self", None)
        else:
            namespace["self"] = previous


def run(hook_id, address, parameters):
    """Calls run_hook on a connection borrowing pum's PGconn* `address`."""
    connection = _borrow(address)
    try:
        run_with(hook_id, connection, parameters)
    finally:
        _give_back(connection)


def run_with(hook_id, connection, parameters):
    """Calls run_hook with `connection` as it is (pum.hook.HookHandler.execute)."""
    loaded = _loaded[hook_id]
    try:
        with _on_sys_path(loaded.entries):
            instance = loaded.instance
            if instance is not None:
                prepare = getattr(instance, "_prepare", None)
                if callable(prepare):
                    prepare(connection=connection, parameters=parameters)
                else:
                    instance._connection = connection
                    instance._parameters = copy.deepcopy(parameters)
            arguments = {
                name: parameters[name] for name, _ in loaded.arguments if name in parameters
            }
            form, function = loaded.call
            if form == _METHOD:
                instance.run_hook(connection=connection, **arguments)
            elif form == _SELFLESS:
                with _self_bound(function, instance):
                    function(connection=connection, **arguments)
            else:
                function(connection=connection, **arguments)
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()


def _under(path, prefixes):
    path = os.path.abspath(path)
    return any(path.startswith(prefix) for prefix in prefixes)


def _from_directories(module, prefixes):
    file = getattr(module, "__file__", None)
    if file:
        return _under(file, prefixes)
    search = getattr(module, "__path__", None)  # namespace packages have no __file__
    if search is None:
        return False
    try:
        entries = list(search)
    except Exception:  # noqa: BLE001 - a strange __path__ is not ours to evict
        return False
    return bool(entries) and all(_under(entry, prefixes) for entry in entries)


def _evict(directories):
    prefixes = [os.path.join(os.path.abspath(d), "") for d in directories]
    for name, module in list(sys.modules.items()):
        if module is not None and _from_directories(module, prefixes):
            del sys.modules[name]
    for entry in list(sys.path_importer_cache):
        if isinstance(entry, str) and _under(os.path.join(entry, ""), prefixes):
            del sys.path_importer_cache[entry]
    importlib.invalidate_caches()


def _unref(module_dir):
    directory = _directories.get(module_dir)
    if directory is None:
        return
    directory[0] -= 1
    if directory[0] <= 0:
        del _directories[module_dir]
        _evict(directory[1])


def hook_instance(hook_id):
    """The instance of class Hook of a loaded hook (None for a module-level run_hook)."""
    return _loaded[hook_id].instance


def release(hook_id):
    loaded = _loaded.pop(hook_id, None)
    if loaded is not None:
        _unref(loaded.module_dir)


# --- lifecycle hooks (pum.hooks) ----------------------------------------------------------------

# event -> [(label, function)], in call order; the project directory; the run's metadata dict.
_lifecycle = {}
_lifecycle_dir = None
_lifecycle_metadata = {}
_lifecycle_loads = 0


def _config_frame(where):
    """'.pum.yaml:12' -> a frame pointing at that line of the configuration file."""
    file, _, line = where.rpartition(":")
    if file and line.isdigit():
        return _frame(file, int(line))
    return _frame(where, 0)


def _hook_label(function, project_dir):
    name = getattr(function, "__qualname__", None) or getattr(function, "__name__", None)
    name = name or repr(function)
    code = getattr(inspect.unwrap(function), "__code__", None)
    if code is None:
        return name
    line = code.co_firstlineno  # the first decorator's line: the `def` line is named
    for candidate in range(line, line + 50):
        text = linecache.getline(code.co_filename, candidate).lstrip()
        if text.startswith(("def ", "async def ")):
            line = candidate
            break
    file = os.path.abspath(code.co_filename)
    if file.startswith(os.path.join(project_dir, "")):
        file = os.path.relpath(file, project_dir).replace(os.sep, "/")
    return f"{file}:{line} {name}"


def _import_discovered(path, project_dir):
    path = os.path.abspath(path)
    relative = os.path.relpath(path, project_dir)
    name = os.path.splitext(relative)[0].replace(os.sep, ".")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    previous = sys.modules.get(name)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        if sys.modules.get(name) is module:
            if previous is None:
                del sys.modules[name]
            else:
                sys.modules[name] = previous
        raise


def _configured_function(event, module_name, function_name, where, project_dir):
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if missing and (module_name == missing or module_name.startswith(missing + ".")):
            raise HookProblem(
                f"the {event} hook's module '{module_name}' cannot be imported: no module "
                f"named '{missing}'",
                hint=f"'module:' is a dotted module name imported from the module directory "
                f"{project_dir} (scripts.hooks for scripts/hooks.py)",
                where=_config_frame(where),
            ) from None
        raise
    function = getattr(module, function_name, None)
    if function is None or not callable(function):
        names = sorted(
            name
            for name, value in vars(module).items()
            if inspect.isfunction(value) and not name.startswith("_")
        )
        close = difflib.get_close_matches(function_name, names, n=1)
        if close:
            hint = f"did you mean '{close[0]}'?"
        elif names:
            hint = f"functions of {module_name}: {', '.join(names)}"
        else:
            hint = f"{module_name} defines no function"
        what = "has no function" if function is None else "has a name that is not callable:"
        raise HookProblem(
            f"the {event} hook's module '{module_name}' {what} '{function_name}'",
            hint=hint,
            where=_config_frame(where),
        )
    return function


def load_lifecycle(project_dir, discovered, configured):
    """Imports the hooks modules `discovered` (paths) and the `configured` entries
    (event, module, function, where); returns [(event, label)] in call order."""
    global _lifecycle_dir, _lifecycle_loads
    from . import hooks as hooks_module

    project_dir = os.path.abspath(project_dir)
    if _lifecycle_loads:
        _evict([project_dir])  # a second run in this process imports its modules afresh
    _lifecycle_loads += 1
    hooks_module._default.clear()
    _lifecycle.clear()
    _lifecycle_metadata.clear()
    _lifecycle_dir = project_dir
    functions = []
    with _on_sys_path([project_dir]):
        for path in discovered:
            _import_discovered(path, project_dir)
        for event, module_name, function_name, where in configured:
            hooks_module._check_event(event)
            function = _configured_function(event, module_name, function_name, where, project_dir)
            functions.append((event, function, f"{module_name}.{function_name}"))
    for event, registered in hooks_module.get_registered_hooks().items():
        for function in registered:
            _lifecycle.setdefault(event, []).append((_hook_label(function, project_dir), function))
    for event, function, label in functions:
        if all(existing is not function for _, existing in _lifecycle.get(event, [])):
            _lifecycle.setdefault(event, []).append((label, function))
    return [
        (event, label) for event in hooks_module.EVENTS for label, _ in _lifecycle.get(event, [])
    ]


def _context_error(error):
    if not error:
        return None
    from .exceptions import PumException, PumSqlError

    message = error.get("message") or ""
    sqlstate = error.get("sqlstate") or None
    exception = PumSqlError(message) if sqlstate else PumException(message)
    exception.message = message
    exception.sqlstate = sqlstate
    return exception


def fire_lifecycle(event, context_json, address):
    """Calls the hooks of `event`, each with a HookContext built from the JSON `context_json`,
    on a connection borrowing pum's PGconn* `address` (None when 0)."""
    functions = list(_lifecycle.get(event, ()))
    if not functions:
        return
    from .hooks import HookContext, Migration

    data = json.loads(context_json)
    migration = data.get("migration")
    if migration:
        migration = Migration(
            migration.get("version"),
            migration.get("name") or migration.get("version"),
            migration.get("files") or [],
            migration.get("label"),
        )
    error = _context_error(data.get("error"))
    connection = _borrow(address) if address and psycopg is not None else None
    try:
        with _on_sys_path([_lifecycle_dir] if _lifecycle_dir else []):
            for label, function in functions:
                context = HookContext(
                    event=data.get("event", event),
                    migration=migration,
                    environment=data.get("environment") or "development",
                    status=data.get("status") or "",
                    duration_ms=data.get("duration_ms") or 0,
                    error=error,
                    metadata=_lifecycle_metadata,
                    connection=connection,
                    parameters=dict(data.get("parameters") or {}),
                )
                try:
                    function(context)
                except BaseException as failure:
                    with contextlib.suppress(Exception):
                        failure.pum_hook = label
                    raise
    finally:
        if connection is not None:
            _give_back(connection)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()


# --- dependencies, description ------------------------------------------------------------------


def distribution_version(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _python_name():
    return f"Python {platform.python_version()} ({sys.prefix})"


def describe_python():
    return _python_name()


# --- errors -------------------------------------------------------------------------------------


def _ours(file):
    if file.startswith("<"):
        return True  # <frozen importlib._bootstrap> and friends
    if file.startswith(os.path.join(_PACKAGE_DIR, "")):
        return True
    if psycopg is not None:
        return file.startswith(os.path.join(os.path.dirname(psycopg.__file__), ""))
    return False


def _column(text, colno):
    if colno is None or not text:
        return 0
    return len(text.encode("utf-8")[:colno].decode("utf-8", "replace")) + 1


def _frames(error):
    frames = []
    for summary in traceback.extract_tb(error.__traceback__):
        if _ours(summary.filename):
            continue
        text = linecache.getline(summary.filename, summary.lineno).rstrip("\r\n")
        column = _column(text, getattr(summary, "colno", None))
        frames.append((summary.filename, summary.lineno, column, summary.name, text))
    return frames


def describe_exception(error):
    """(message, sqlstate, [(label, text)], [hints], [frames], where or None)."""
    details = []
    hints = list(getattr(error, "pum_hints", []))
    sqlstate = ""
    where = None
    if isinstance(error, HookProblem):
        message = error.message
        if error.hint:
            hints.append(error.hint)
        where = error.where
    elif psycopg is not None and isinstance(error, psycopg.Error):
        diag = error.diag
        sqlstate = error.sqlstate or ""
        primary = diag.message_primary or str(error).strip()
        message = f"{type(error).__name__}: {primary}"
        if diag.message_detail:
            details.append(("DETAIL", diag.message_detail))
        if diag.context:
            details.append(("CONTEXT", diag.context.strip()))
        query = getattr(error, "pum_query", None)
        if query:
            details.append(("QUERY", query.strip()))
        if diag.message_hint:
            hints.append(diag.message_hint)
    else:
        text = str(error)
        message = f"{type(error).__name__}: {text}" if text else type(error).__name__
        if isinstance(error, SyntaxError) and error.filename and not _ours(error.filename):
            text = (error.text or "").rstrip("\r\n")
            where = (error.filename, error.lineno or 0, error.offset or 0, "", text)
            message = f"{type(error).__name__}: {error.msg}"
        if isinstance(error, ModuleNotFoundError):
            hints.append(
                "the hook's directory and the module directory are on sys.path while it loads "
                f"and runs; other packages must be installed for {_python_name()}"
            )
    hook = getattr(error, "pum_hook", None)
    if isinstance(hook, str) and not isinstance(error, HookProblem):
        message = f"{hook} failed: {message}"
    cause = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    if cause is not None and not isinstance(error, HookProblem):
        details.append(
            ("DETAIL", f"caused by {type(cause).__name__}: {cause}"))
    return (message, sqlstate, details, hints, _frames(error), where)
