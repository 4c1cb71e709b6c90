"""Helper module for version 2."""


def get_value_v2():
    """Return a test value for version 2."""
    return "value_v2"
