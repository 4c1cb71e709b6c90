"""Lifecycle hooks: Python functions pum calls at fixed points of a run (docs/hooks.md).

    from pum.hooks import register_hook, HookContext

    @register_hook("post_execute")
    def audit(context: HookContext) -> None:
        print(f"applied {context.migration.version} in {context.duration_ms} ms")

The events, in the order a run fires them: pre_validate (once, before any migration),
pre_execute and post_execute (around each migration, inside pum's transaction), post_complete
(once, after the commit), pre_rollback and post_rollback (around each migration undone), on_error
(once, when the run failed, after the rollback).

Three ways to register a hook, all equivalent:
- the decorator `@register_hook(event)` in the project's hooks module (pum_hooks.py at the module
  directory, or db/pum_hooks.py), which pum imports;
- `module:`/`function:` entries under `hooks:` in .pum.yaml;
- a `HookRegistry()` in the hooks module: `HookRegistry().register(event, function)`.

Registries: every `HookRegistry()` is, by default, a view of ONE shared registry, the one the
decorator fills and the one pum reads; so a registry created in a hooks module, and every
other `HookRegistry()`, see the same hooks (and `clear()` on any of them clears that shared
registry). `HookRegistry(shared=False)` is a private registry that pum never reads (for tests).
"""

import difflib

EVENTS = (
    "pre_validate",
    "pre_execute",
    "post_execute",
    "post_complete",
    "pre_rollback",
    "post_rollback",
    "on_error",
)

__all__ = [
    "EVENTS",
    "HookContext",
    "HookRegistry",
    "Migration",
    "get_registered_hooks",
    "register_hook",
]


def _check_event(event):
    if isinstance(event, str) and event in EVENTS:
        return event
    text = event if isinstance(event, str) else repr(event)
    message = f"unknown hook event {text!r}; valid events: {', '.join(EVENTS)}"
    if isinstance(event, str):
        close = difflib.get_close_matches(event, EVENTS, n=1) or difflib.get_close_matches(
            event.lower(), EVENTS, n=1
        )
        if close:
            message += f" (did you mean {close[0]!r}?)"
    raise ValueError(message)


# event -> [function], in registration order: the registry pum reads.
_shared = {event: [] for event in EVENTS}


class HookRegistry:
    """Hooks by event. By default a view of the shared registry (see the module's docstring)."""

    def __init__(self, *, shared=True):
        self._hooks = _shared if shared else {event: [] for event in EVENTS}

    def register(self, event, function):
        """Adds `function` (called with a HookContext) to the hooks of `event`; returns it.
        A function registered twice for the same event is called once."""
        _check_event(event)
        if not callable(function):
            raise TypeError(f"a hook must be callable, not {type(function).__name__}")
        if function not in self._hooks[event]:
            self._hooks[event].append(function)
        return function

    def hooks(self, event):
        """The functions of `event`, in call order (a copy)."""
        _check_event(event)
        return list(self._hooks[event])

    def clear(self):
        for functions in self._hooks.values():
            functions.clear()

    def __repr__(self):
        counts = ", ".join(f"{e}={len(f)}" for e, f in self._hooks.items() if f)
        return f"HookRegistry({counts})"


_default = HookRegistry()


def register_hook(event):
    """Decorator: registers the function for `event` in the shared registry."""
    _check_event(event)

    def decorator(function):
        return _default.register(event, function)

    return decorator


def get_registered_hooks():
    """{event: [function]} of the shared registry (every event present, in EVENTS order)."""
    return {event: list(functions) for event, functions in _shared.items()}


class Migration:
    """The migration an event is about: `version` ("1.2.0"), `name` (its description, else the
    version), `files` (the changelog files, in order)."""

    __slots__ = ("version", "name", "files", "label")

    def __init__(self, version, name, files=(), label=None):
        self.version = version
        self.name = name
        self.files = list(files)
        self.label = label if label is not None else name

    def __repr__(self):
        return f"Migration(version={self.version!r}, name={self.name!r})"


class HookContext:
    """What a hook is told about the moment it runs.

    event: the event's name; migration: a Migration, or None for run-level events (pre_validate,
    post_complete, on_error); environment: --env NAME, $PUM_ENV, else "development"; status:
    "pending", "applied", "error" or "rolled_back"; duration_ms: of the migration (of the run for
    run-level events); error: None, or the exception of the failed run (a
    pum.exceptions.PumSqlError with `.sqlstate` for a server error); metadata: ONE dict shared by
    every hook of the run, to pass data from one hook to another; connection: pum's own
    connection as a psycopg Connection, inside pum's transaction (pum commits: commit(),
    rollback() and close() are refused), or None; parameters: the run's parameters.
    """

    def __init__(
        self,
        event,
        migration=None,
        environment="development",
        status="pending",
        duration_ms=0.0,
        error=None,
        metadata=None,
        connection=None,
        parameters=None,
    ):
        self.event = event
        self.migration = migration
        self.environment = environment
        self.status = status
        self.duration_ms = float(duration_ms)
        self.error = error
        self.metadata = {} if metadata is None else metadata
        self.connection = connection
        self.parameters = {} if parameters is None else parameters

    def __repr__(self):
        return (
            f"HookContext(event={self.event!r}, migration={self.migration!r}, "
            f"environment={self.environment!r}, status={self.status!r})"
        )
