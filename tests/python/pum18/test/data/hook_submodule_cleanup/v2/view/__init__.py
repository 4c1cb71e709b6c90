"""Init file for view package v2."""
