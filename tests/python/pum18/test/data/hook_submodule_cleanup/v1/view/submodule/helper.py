"""Helper module in submodule for version 1."""


def get_value():
    """Return a test value for version 1."""
    return "value_from_submodule_v1"
