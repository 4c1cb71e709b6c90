"""Local helper module for testing local imports in hooks."""


def local_function():
    """Return a local test value."""
    return "local_value"
