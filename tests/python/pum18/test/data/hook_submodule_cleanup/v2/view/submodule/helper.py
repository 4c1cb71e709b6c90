"""Helper module in submodule for version 2."""


def get_value():
    """Return a test value for version 2."""
    return "value_from_submodule_v2"
