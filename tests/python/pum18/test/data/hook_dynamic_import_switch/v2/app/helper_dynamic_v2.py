"""Helper module for version 2 with dynamic imports."""


def get_dynamic_value_v2():
    """Return a test value for version 2."""
    return "dynamic_value_v2"
