"""Names of pum 1.8's Python API that the native pum does not offer to hooks yet.

They import (so that a hook importing them loads), and say so clearly when they are used:
pum 1.8's PumConfig, Upgrader, RoleManager... drive pum from Python; inside the native pum that
work is done by the pum binary itself, around the hook.
"""

from .exceptions import PumException


def _message(name):
    return (
        f"pum.{name} is not available inside hooks of the native pum yet; a hook runs inside "
        "the pum command, which does that work itself (use the connection run_hook receives, "
        "HookBase.execute or SqlContent)"
    )


def unavailable_class(name, module):
    """A class named `name` (in pum.`module`) whose instantiation raises PumException."""

    def __new__(cls, *args, **kwargs):
        raise PumException(_message(name))

    return type(
        name,
        (),
        {
            "__new__": __new__,
            "__module__": f"pum.{module}",
            "__doc__": f"pum 1.8's {name}: not available inside hooks of the native pum yet.",
        },
    )


def unavailable_function(name, module):
    """A function named `name` (in pum.`module`) that raises PumException when called."""

    def function(*args, **kwargs):
        raise PumException(_message(name))

    function.__name__ = function.__qualname__ = name
    function.__module__ = f"pum.{module}"
    function.__doc__ = f"pum 1.8's {name}(): not available inside hooks of the native pum yet."
    return function
