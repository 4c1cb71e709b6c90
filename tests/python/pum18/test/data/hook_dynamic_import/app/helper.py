"""Helper module for dynamic import test."""


def get_dynamic_value():
    """Return a test value."""
    return "dynamic_value"
