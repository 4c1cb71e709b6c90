"""Init file for view package v1."""
