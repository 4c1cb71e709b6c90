"""Helper module for version 1 with dynamic imports."""


def get_dynamic_value_v1():
    """Return a test value for version 1."""
    return "dynamic_value_v1"
