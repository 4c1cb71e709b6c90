"""Helper module for version 1."""


def get_value_v1():
    """Return a test value for version 1."""
    return "value_v1"
